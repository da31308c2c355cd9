import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../shared/errors';

/**
 * Paths from the UI must be absolute: a relative one would silently resolve against wherever the main process
 * happens to run (in the preview, a path typed by hand).
 */
export function absolutePath(path: string): string {
  if (!isAbsolute(path)) {
    throw new AppError('validation', `"${path}" is not a full path; give the whole path, starting from the top.`);
  }
  return resolve(path);
}
