import { app, dialog } from 'electron';
import { redact } from '../core/log';
import { isSelfTestRun, SELF_TEST_FLAG } from '../core/self-test';

/**
 * What this launch is: the app, or a `--self-test` of the installation. Decided before anything else, and each
 * mode is imported only once chosen, so the entry itself loads nothing native (sharp, the keychain): a broken
 * native module then fails inside the self-test, which reports it, instead of killing the entry before it can
 * say anything. The self-test never takes the single-instance lock, so it runs beside an open app.
 */
export async function startInMode(argv: readonly string[]): Promise<void> {
  const selfTest = isSelfTestRun(argv);
  // Only a damaged installation gets here: a part of the app's own code that cannot load or start.
  const fail = (e: unknown) => {
    const message = redact(e instanceof Error ? e.message : String(e));
    process.stderr.write(`Caption Studio could not ${selfTest ? 'run its self-test' : 'load'}: ${message}\n`);
    if (!selfTest) {
      dialog.showErrorBox(
        'Caption Studio could not start',
        `${message}\n\nStart it with ${SELF_TEST_FLAG} from a terminal for a report of what is broken.`,
      );
    }
    app.exit(1);
  };
  try {
    if (selfTest) {
      const { runSelfTestMode } = await import('./self-test-mode');
      // Not awaited: it waits for `ready`, which Electron emits only once the entry module has finished.
      void runSelfTestMode().catch(fail);
    } else {
      const { launchApp } = await import('./launch');
      launchApp();
    }
  } catch (e) {
    fail(e);
  }
}
