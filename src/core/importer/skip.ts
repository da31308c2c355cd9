import { open } from 'node:fs/promises';
import type { SkippedFile, SkipReason } from '../../shared/dataset';

/** Builders for the per-file reports shown to the user. Messages are plain sentences, never stack traces. */

export function skipped(path: string, reason: SkipReason, message: string): SkippedFile {
  return { path, reason, message };
}

/** Plain-language cause for a file-system error, keyed by Node's error code. */
function describeIoError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it was moved or deleted';
    case 'ELOOP':
      return 'it is a link that points back to itself';
    case 'EBUSY':
      return 'it is in use by another program';
    default:
      return code ? `the system reported ${code}` : 'an unexpected error occurred';
  }
}

export function unreadable(path: string, err: unknown, what = 'file'): SkippedFile {
  return skipped(path, 'unreadable', `This ${what} could not be read: ${describeIoError(err)}.`);
}

/**
 * Called when a decoder rejected a file: if the file cannot even be opened now (deleted, permissions changed
 * mid-import), say so; otherwise its contents are at fault.
 */
export async function readFailure(path: string, corrupt: SkippedFile): Promise<SkippedFile> {
  try {
    await (await open(path, 'r')).close();
    return corrupt;
  } catch (err) {
    return unreadable(path, err);
  }
}
