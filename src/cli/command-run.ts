import { appPaths } from '../core/app-paths';
import { createDatasetStore, type DatasetStore } from '../core/datasets';
import { isAppError } from '../shared/errors';
import { EXIT, exitCodeOf } from './exit-codes';
import { createProgressReporter, type ProgressReporter } from './progress';

export interface CommandContext {
  store: DatasetStore;
  progress: ProgressReporter;
  /** Aborted by the first Ctrl+C; a second one quits at once. */
  signal: AbortSignal;
}

/**
 * Runs a command's body with what every command shares: the dataset store, the progress reporter and Ctrl+C (the
 * first stops cleanly with `stopping` printed, a second quits at once). An error ends it with its message and the
 * exit code of its kind; after a Ctrl+C, 130.
 */
export async function runCommand(stopping: string, body: (c: CommandContext) => Promise<number>): Promise<number> {
  const store = createDatasetStore(appPaths());
  const progress = createProgressReporter();
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(EXIT.interrupted);
    progress.line(`${stopping} Press Ctrl+C again to quit at once.`);
    stop.abort(new Error('Cancelled by the user.'));
  };
  process.on('SIGINT', onSigint);
  try {
    return await body({ store, progress, signal: stop.signal });
  } catch (e) {
    progress.stop();
    process.stderr.write(`${isAppError(e) || e instanceof Error ? e.message : String(e)}\n`);
    if (stop.signal.aborted) return EXIT.interrupted;
    return isAppError(e) ? exitCodeOf(e.kind) : EXIT.fatal;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
