/**
 * Runs the fake Replicate server on its own, for CLI and end-to-end tests:
 *   npx tsx tests/fake-replicate/cli.ts --port 0 --progress-steps 2 --end-state succeeded
 * Prints `FAKE_REPLICATE_URL=http://127.0.0.1:PORT/v1` and the token it accepts on stdout, then serves until
 * killed. Point the app at it with REPLICATE_BASE_URL and REPLICATE_API_TOKEN.
 */
import { Command, Option } from 'commander';
import { FAKE_REPLICATE_TOKEN } from './accounts';
import { startFakeReplicate } from './server';

const num = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${v}`);
  return n;
};

const program = new Command()
  .name('fake-replicate')
  .option('--port <n>', 'port (0 = a random free port)', num, 0)
  .option('--latency <ms>', 'delay before every answer', num, 0)
  .option('--token <token>', 'the API token the fake accepts', FAKE_REPLICATE_TOKEN)
  .option('--username <name>', 'the account that token belongs to', 'caption-tester')
  .option('--no-credit', 'the account is out of credit: trainings.create answers 402')
  .option('--max-file-bytes <n>', 'largest upload files.create takes (default 100 MiB)', num)
  .option('--progress-steps <n>', 'processing snapshots a training shows before it ends', num, 2)
  .addOption(
    new Option('--end-state <state>', 'how a training ends, one trainings.get per step')
      .choices(['succeeded', 'failed'])
      .default('succeeded'),
  )
  .option('--training-error <text>', 'the error of a failed training')
  .parse();

const o = program.opts<{
  port: number;
  latency: number;
  token: string;
  username: string;
  credit: boolean;
  maxFileBytes?: number;
  progressSteps: number;
  endState: 'succeeded' | 'failed';
  trainingError?: string;
}>();

const fake = await startFakeReplicate({
  port: o.port,
  latencyMs: o.latency,
  token: o.token,
  username: o.username,
  credit: o.credit,
  progressSteps: o.progressSteps,
  trainingEndState: o.endState,
  ...(o.maxFileBytes !== undefined ? { maxFileBytes: o.maxFileBytes } : {}),
  ...(o.trainingError !== undefined ? { trainingError: o.trainingError } : {}),
});

process.stdout.write(`FAKE_REPLICATE_URL=${fake.url}\nFAKE_REPLICATE_TOKEN=${o.token}\n`);

const stop = () => {
  fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
