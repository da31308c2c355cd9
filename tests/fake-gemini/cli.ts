/**
 * Runs the fake Gemini server on its own, for CLI and end-to-end tests:
 *   npx tsx tests/fake-gemini/cli.ts --port 0 --latency 200 --rpm 60 --fail-rate 0.3
 * Prints `FAKE_GEMINI_URL=http://127.0.0.1:PORT` (and the test key) on stdout, then serves until killed.
 * Point the app at it with GOOGLE_GEMINI_BASE_URL (the SDK reads it) or the captioner's baseUrl option.
 */
import { Command, Option } from 'commander';
import { FAKE_API_KEY, startFakeGemini } from './server';
import type { TerminalBatchState } from './state';

const num = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${v}`);
  return n;
};

const program = new Command()
  .name('fake-gemini')
  .option('--port <n>', 'port (0 = a random free port)', num, 0)
  .option('--latency <ms>', 'delay before each generateContent answer', num, 0)
  .option('--jitter <ms>', 'latency jitter, plus or minus', num, 0)
  .option('--rpm <n>', 'requests per minute per model (sliding 60 s window)', num)
  .option('--daily <n>', 'requests per day per model', num)
  .option('--fail-rate <p>', 'share of requests failing with a seeded mix of 429/503/500/dropped connection', num, 0)
  .option('--seed <n>', 'seed for faults and jitter', num, 1)
  .option('--thinking-tokens <n>', 'thinking tokens spent by thinking models', num, 300)
  .option('--no-noise', 'answer with clean captions (no preambles, quotes or markdown)')
  .addOption(
    new Option('--batch-end-state <state>', 'state a batch ends in, two batches.get after its creation')
      .choices(['SUCCEEDED', 'FAILED', 'EXPIRED'])
      .default('SUCCEEDED'),
  )
  .parse();

const o = program.opts<{
  port: number;
  latency: number;
  jitter: number;
  rpm?: number;
  daily?: number;
  failRate: number;
  seed: number;
  thinkingTokens: number;
  noise: boolean;
  batchEndState: TerminalBatchState;
}>();

const fake = await startFakeGemini({
  port: o.port,
  latencyMs: o.latency,
  jitterMs: o.jitter,
  ...(o.rpm !== undefined ? { rpm: o.rpm } : {}),
  ...(o.daily !== undefined ? { dailyQuota: o.daily } : {}),
  failRate: o.failRate,
  seed: o.seed,
  thinkingTokens: o.thinkingTokens,
  noise: o.noise,
  batchEndState: o.batchEndState,
});

process.stdout.write(`FAKE_GEMINI_URL=${fake.url}\nFAKE_GEMINI_KEY=${FAKE_API_KEY}\n`);

const stop = () => {
  fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
