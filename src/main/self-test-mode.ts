import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { redact } from '../core/log';
import { type Check, runSelfTest, SELF_TEST_IMAGES_DIR } from '../core/self-test';
import { resolveAppPaths } from './adapters/electron-paths';

/**
 * `--self-test` inside Electron: no window, no single-instance lock, no dialogs. Supplies the paths (the sample
 * images beside app.asar, the data folder as the app resolves it) and the one check only Electron can run, prints
 * the report to stdout and exits 0 when every check passed, 1 otherwise. The checks themselves are in
 * core/self-test.
 */

/** The sample images: beside app.asar once packaged (extraResources), in the repository's resources/ otherwise. */
function selfTestImagesDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, SELF_TEST_IMAGES_DIR)
    : join(app.getAppPath(), 'resources', SELF_TEST_IMAGES_DIR);
}

/** Electron itself comes up (on Linux this needs a display: xvfb-run on a headless machine). */
function electronCheck(): Check {
  return {
    name: 'electron',
    async run() {
      await app.whenReady();
      const v = process.versions;
      return `ready: Electron ${v.electron ?? '?'}, Chromium ${v.chrome ?? '?'}, Node ${v.node}`;
    },
  };
}

/** Resolves once the text is handed to the OS: stdout into a pipe is asynchronous on macOS, and app.exit would cut it off. */
function print(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}

async function exitWith(text: string, code: number, cleanUp: () => void): Promise<void> {
  await print(text);
  cleanUp();
  app.exit(code);
}

export async function runSelfTestMode(): Promise<void> {
  app.dock?.hide();
  const { dataDir } = resolveAppPaths(process.env);
  // Chromium keeps its storage in sessionData (userData by default). Without the single-instance lock this run
  // could share that profile with an open app, so it gets a throwaway one instead.
  const sessionData = mkdtempSync(join(tmpdir(), 'caption-studio-self-test-'));
  app.setPath('sessionData', sessionData);
  const cleanUp = () => {
    try {
      rmSync(sessionData, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // Chromium may still hold a file open there (Windows); a leftover temp folder is harmless.
    }
  };
  // An error outside any check must end the run with a report line, never with Electron's error dialog.
  const crash = (e: unknown) =>
    void exitWith(`FAIL  self-test crashed: ${redact(e instanceof Error ? e.message : String(e))}\n`, 1, cleanUp);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);

  const platform = `${process.platform} ${process.arch}`;
  const outcome = await runSelfTest({
    title: `Caption Studio ${app.getVersion()} self-test (${platform}${app.isPackaged ? '' : ', not packaged'})`,
    imagesDir: selfTestImagesDir(),
    dataDir,
    hostChecks: [electronCheck()],
  });
  await exitWith(outcome.report, outcome.exitCode, cleanUp);
}
