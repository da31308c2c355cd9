import type { z } from 'zod';
import { triggerError } from '../../shared/caption';
import { DatasetManifest } from '../../shared/dataset';
import { AppError } from '../../shared/errors';

/** The first zod issue in plain words, e.g. `images.3.width: Too small` (and how many more there are). */
export function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'unknown problem';
  const where = first.path.length ? first.path.map(String).join('.') : 'top level';
  const more = error.issues.length > 1 ? ` and ${error.issues.length - 1} more problem(s)` : '';
  return `${where}: ${first.message}${more}`;
}

/** Parses caller input or throws AppError('validation'). */
export function parseOr<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new AppError('validation', `${what}: ${describeIssues(r.error)}.`);
}

export function validManifest(m: DatasetManifest, id: string): DatasetManifest {
  return { ...parseOr(DatasetManifest, m, 'Invalid dataset manifest'), id };
}

export function validName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '') throw new AppError('validation', 'Dataset name must not be empty.');
  return trimmed;
}

export function validTrigger(trigger: string): string {
  const problem = triggerError(trigger);
  if (problem) throw new AppError('validation', problem);
  return trigger;
}
