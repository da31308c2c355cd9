import { triggerError } from '../../shared/caption';
import type { ImageEntry } from '../../shared/dataset';
import { AppError, isAppError } from '../../shared/errors';
import { type DetailedPlan, planExportDetailed } from './plan';
import type { ExportProblem, ImageShaping } from './types';

/** How many offenders a refusal message names before it says "and N more" (the full list is in details). */
const LISTED = 10;

/**
 * The plan, or a `validation` AppError saying in plain words why nothing can be exported yet. The error's
 * details carry `{ problems }` (the blocking ones) so the UI can list and jump to them.
 */
export async function planOrRefuse(
  images: ReadonlyArray<ImageEntry>,
  trigger: string,
  shaping?: ImageShaping,
): Promise<DetailedPlan> {
  const badTrigger = triggerError(trigger);
  if (badTrigger) throw new AppError('validation', badTrigger);
  const plan = await planExportDetailed(images, trigger, shaping);
  const sentences: string[] = [];
  if (plan.captionErrors.length > 0) {
    const n = plan.captionErrors.length;
    sentences.push(
      `${count(n, 'image')} still ${n === 1 ? 'needs' : 'need'} a valid caption: ${list(plan.captionErrors)}`,
    );
  }
  if (plan.sourceErrors.length > 0) {
    const n = plan.sourceErrors.length;
    sentences.push(
      `${count(n, 'original file')} ${n === 1 ? 'is' : 'are'} missing or unreadable: ${list(plan.sourceErrors)}`,
    );
  }
  if (sentences.length > 0) {
    throw new AppError('validation', sentences.join('; '), { problems: [...plan.captionErrors, ...plan.sourceErrors] });
  }
  if (plan.items.length === 0) {
    throw new AppError('validation', 'Nothing to export: the dataset has no images that are not excluded.', {
      problems: [],
    });
  }
  return plan;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function list(problems: ReadonlyArray<ExportProblem>): string {
  const shown = problems.slice(0, LISTED).map((p) => `${p.relPath} (${p.message})`);
  const more = problems.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Stops work between steps when the user cancelled. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

export function cancelledError(): AppError {
  return new AppError('cancelled', 'Export cancelled; nothing was written.');
}

const IO_MESSAGES: Record<string, string> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'is not inside a folder that exists',
  EACCES: 'cannot be written: permission denied',
  EPERM: 'cannot be written: operation not permitted',
  EROFS: 'is on a read-only disk',
  ENOSPC: 'cannot be written: the disk is full',
  EDQUOT: 'cannot be written: disk quota exceeded',
  EISDIR: 'is a folder',
  EEXIST: 'already exists',
  ENOTEMPTY: 'already exists and is not empty',
  EBUSY: 'is in use by another program',
  ENAMETOOLONG: 'has a name that is too long',
};

/**
 * Turns whatever stopped an export into an AppError: AppErrors pass through, aborts become `cancelled`, file
 * system errors become `io` with a plain sentence about `target`, anything else `internal`.
 */
export function toExportError(e: unknown, target: string, signal?: AbortSignal): AppError {
  if (isAppError(e)) return e;
  if (signal?.aborted || (e instanceof Error && e.name === 'AbortError')) return cancelledError();
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const plain = code ? IO_MESSAGES[code] : undefined;
  if (plain) return new AppError('io', `Export failed: "${target}" ${plain}.`);
  const detail = e instanceof Error ? e.message : String(e);
  return new AppError(code ? 'io' : 'internal', `Export to "${target}" failed: ${detail}`);
}
