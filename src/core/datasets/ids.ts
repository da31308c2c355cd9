import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { isValidId } from '../../shared/ids';

/** Throws AppError('validation') for anything that could escape the datasets folder. */
export function assertValidId(id: string, what = 'dataset'): void {
  if (!isValidId(id)) {
    throw new AppError('validation', `Invalid ${what} id: only letters, digits, "-" and "_" are allowed.`);
  }
}

/** `YYYYMMDD-HHMMSS` in UTC: sorts by time as plain text. */
export function compactStamp(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-24T17:12:00.000Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** Six lowercase base-36 characters: ~2 billion values, so ids made in the same second do not collide. */
export function randomSuffix(): string {
  return (randomBytes(4).readUInt32BE(0) % 36 ** 6).toString(36).padStart(6, '0');
}

/** Short, unique and sortable by creation time, e.g. `20261124-171200-ab12cd`. */
export function makeDatasetId(nowMs: number, random: () => string = randomSuffix): string {
  return `${compactStamp(nowMs)}-${random()}`;
}
