import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app } from 'electron';
import { createLogger } from '../core/log';
import type { Logger } from '../core/ports';

/**
 * The log on disk: `main.log` in the app's log folder, rotated to `main.old.log` when it would pass ~1 MB, so
 * the two files never hold more than ~2 MB. Lines arrive already redacted (createLogger redacts before writing).
 * Writes are synchronous appends on purpose: a crash right after a line must not lose it, and a log line is
 * small. A log that cannot be written is never a reason to fail: errors are swallowed (stderr still has it).
 */

export const LOG_FILE_NAME = 'main.log';
export const ARCHIVE_FILE_NAME = 'main.old.log';
const DEFAULT_MAX_LOG_BYTES = 1_000_000;

export interface RotatingFileOptions {
  /** Resolved on the first write, so the logger can exist before Electron knows its paths. */
  dir: () => string;
  maxBytes?: number;
}

export function createRotatingFile({ dir, maxBytes = DEFAULT_MAX_LOG_BYTES }: RotatingFileOptions) {
  let file: string | null = null;
  let size = 0;
  let broken = false;

  function open(): string {
    const folder = dir();
    mkdirSync(folder, { recursive: true });
    const path = join(folder, LOG_FILE_NAME);
    try {
      size = statSync(path).size;
    } catch {
      size = 0;
    }
    return path;
  }

  return (line: string): void => {
    if (broken) return;
    try {
      file ??= open();
      const bytes = Buffer.byteLength(line) + 1;
      if (size > 0 && size + bytes > maxBytes) {
        renameSync(file, join(file, '..', ARCHIVE_FILE_NAME));
        size = 0;
      }
      appendFileSync(file, `${line}\n`);
      size += bytes;
    } catch {
      // A read-only or full disk: keep logging to stderr only, and stop retrying on every line.
      broken = true;
    }
  };
}

/** The app's log folder; under CAPTION_STUDIO_DATA_DIR when set, so test runs never write the user's logs. */
export function logDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.CAPTION_STUDIO_DATA_DIR;
  return override ? join(resolve(override), 'logs') : app.getPath('logs');
}

/** The app's logger: each redacted line to stderr and to the rotating file in the log folder. */
export function createAppLogger(env: NodeJS.ProcessEnv = process.env, maxBytes?: number): Logger {
  const toFile = createRotatingFile({ dir: () => logDir(env), ...(maxBytes ? { maxBytes } : {}) });
  return createLogger((line) => {
    process.stderr.write(`${line}\n`);
    toFile(`${new Date().toISOString()} ${line}`);
  }, env);
}
