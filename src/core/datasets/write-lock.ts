import { stat } from 'node:fs/promises';
import { lock } from 'proper-lockfile';
import { AppError } from '../../shared/errors';

/**
 * Serialises writes to one dataset across processes (the app and the CLI on the same dataset). Inside one
 * process the keyed queue already orders them; without this, one process could append a journal line against
 * a manifest the other is replacing, and the line would be lost. proper-lockfile does the cross-platform part
 * (an atomic mkdir, mtime kept fresh while held, a crashed holder's lock taken over once stale).
 */

export const LOCK_NAME = '.write.lock';
/** The library's minimum: a lock left by a killed process is taken over after this long. */
const STALE_MS = 5_000;

export async function withWriteLock<T>(datasetDir: string, task: () => Promise<T>): Promise<T> {
  // The library retries every failure, a missing folder included: answer that one at once.
  const exists = await stat(datasetDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) throw new AppError('not-found', 'This dataset no longer exists.');
  let release: () => Promise<void>;
  try {
    release = await lock(datasetDir, {
      lockfilePath: `${datasetDir}/${LOCK_NAME}`,
      realpath: false,
      stale: STALE_MS,
      // Writes hold the lock for milliseconds; waiting covers a busy writer and a stale lock being taken over.
      retries: { retries: 60, factor: 1.3, minTimeout: 5, maxTimeout: 250 },
      // A lock compromised mid-write (its folder deleted by "delete dataset") must not crash the process; the
      // write itself fails or succeeds on its own and is reported as usual.
      onCompromised: () => {},
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not-found', 'This dataset no longer exists.');
    throw new AppError('io', `Another program is still writing this dataset (${code ?? 'locked'}). Try again.`);
  }
  try {
    return await task();
  } finally {
    await release().catch(() => {}); // already gone with the dataset folder
  }
}
