/**
 * Runs the fake OpenAI-compatible server on its own, for CLI and end-to-end tests:
 *   npx tsx tests/fake-openai/cli.ts --flavour ollama --port 0 --latency 200 --fail-rate 0.3
 * Prints `FAKE_OPENAI_URL=http://127.0.0.1:PORT/v1` on stdout, then serves until killed.
 */
import { Command, Option } from 'commander';
import { FLAVOURS } from './flavours';
import type { FlavourName } from './options';
import { startFakeOpenAi } from './server';

const num = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${v}`);
  return n;
};
const FLAVOUR_NAMES: FlavourName[] = ['ollama', 'lmstudio', 'llamacpp', 'vllm', 'openrouter', 'openai'];

const program = new Command()
  .name('fake-openai')
  .addOption(new Option('--flavour <name>', 'which real server to imitate').choices(FLAVOUR_NAMES).default('ollama'))
  .option('--port <n>', 'port (0 = a random free port)', num, 0)
  .option('--models <ids>', 'comma-separated model ids (default: one vision model for the flavour)')
  .option('--context <tokens>', 'context window of every served model', num)
  .option('--api-key <key>', 'key the server requires (OpenAI, OpenRouter, vLLM and llama.cpp flavours)')
  .option('--latency <ms>', 'delay before each chat completion answer', num, 0)
  .option('--fail-rate <p>', 'share of requests failing with a seeded mix of 429/503/500/dropped connection', num, 0)
  .option('--seed <n>', 'seed for the injected faults', num, 1)
  .option('--no-noise', 'answer with clean captions (no preambles, quotes or markdown)')
  .parse();

const o = program.opts<{
  flavour: FlavourName;
  port: number;
  models?: string;
  context?: number;
  apiKey?: string;
  latency: number;
  failRate: number;
  seed: number;
  noise: boolean;
}>();

const ids = o.models?.split(',').filter((id) => id !== '') ?? [FLAVOURS[o.flavour].defaultModel];
const fake = await startFakeOpenAi({
  flavour: o.flavour,
  port: o.port,
  models: ids.map((id) => (o.context ? { id, contextTokens: o.context } : { id })),
  ...(o.apiKey !== undefined ? { apiKey: o.apiKey } : {}),
  latencyMs: o.latency,
  failRate: o.failRate,
  seed: o.seed,
  noise: o.noise,
});

process.stdout.write(`FAKE_OPENAI_URL=${fake.url}\n`);

const stop = () => {
  fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
