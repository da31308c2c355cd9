import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DatasetSettings } from '../../../src/shared/dataset';

/** The repository root: the preview runs from here so `--import tsx` and out/renderer resolve. */
const REPO = resolve(import.meta.dirname, '../../..');

/** Environment variables that would leak the developer's real key or endpoint into a test run. */
const SCRUBBED = [
  'GEMINI_API_KEY',
  'GOOGLE_API_KEY',
  'GOOGLE_GEMINI_BASE_URL',
  'OPENAI_API_KEY',
  'REPLICATE_API_TOKEN',
  'REPLICATE_BASE_URL',
  'CAPTION_STUDIO_DATA_DIR',
] as const;

const URL_LINE = /Caption Studio preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/u;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface PreviewOptions {
  /** The data folder (datasets, thumbnails, preview-settings.json). One per test. */
  dataDir: string;
  /** The fake Gemini's URL (GOOGLE_GEMINI_BASE_URL). */
  geminiUrl: string;
  /** A key in the environment (GEMINI_API_KEY), for tests that are not about key handling. */
  apiKey?: string;
  /** App-wide settings written before start (the preview reads them once; missing fields keep their defaults). */
  settings?: Partial<DatasetSettings>;
  /** A fake Replicate's URL (REPLICATE_BASE_URL); no token goes with it: the tests paste one, as a user does. */
  replicateUrl?: string;
}

export interface PreviewProcess {
  /** The page to open, token included. */
  url: string;
  origin: string;
  /** Everything the preview printed (stdout and stderr), e.g. its `[preview] show in folder: ...` lines. */
  output: string[];
  stop(): Promise<void>;
}

/**
 * `npm run web` as a child process, exactly as a developer runs it. A child rather than an in-process server
 * because the services' CPU work (sharp on 2,000 images) then never stalls the test runner's event loop (which
 * also hosts the fake Gemini and its latencies), the environment is the child's own (no process.env shared with
 * Playwright), and stopping it cannot leave timers or workers behind in the runner.
 */
export async function startPreview(opts: PreviewOptions): Promise<PreviewProcess> {
  await mkdir(opts.dataDir, { recursive: true });
  if (opts.settings) {
    await writeFile(join(opts.dataDir, 'preview-settings.json'), `${JSON.stringify(opts.settings, null, 2)}\n`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRUBBED) delete env[name];
  Object.assign(env, {
    CAPTION_STUDIO_DATA_DIR: opts.dataDir,
    GOOGLE_GEMINI_BASE_URL: opts.geminiUrl,
    PREVIEW_MEMORY_KEYSTORE: '1',
    // Batch jobs are checked every second here (the app's own pace is minutes): the fake decides when they end.
    CAPTION_STUDIO_BATCH_POLL_SECONDS: '1',
    // The same for trainings (the app looks every 10 s): the fake moves a training one step per look.
    CAPTION_STUDIO_TRAINING_POLL_SECONDS: '1',
    ...(opts.apiKey ? { GEMINI_API_KEY: opts.apiKey } : {}),
    ...(opts.replicateUrl ? { REPLICATE_BASE_URL: opts.replicateUrl } : {}),
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/preview/main.ts', '--port', '0'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`The preview did not start:\n${output.join('')}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const match = URL_LINE.exec(output.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The preview exited (${code}) before printing its URL:\n${output.join('')}`));
    });
  });
  return { url, origin: new URL(url).origin, output, stop: () => stopChild(child) };
}

/** SIGTERM (the preview closes its server and flushes settings), then SIGKILL if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
