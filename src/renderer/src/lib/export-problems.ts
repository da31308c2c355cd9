import type { ExportProblem } from '../../../shared/progress';

/** The problems a blocked export carries in `details.problems`; anything malformed is dropped, not trusted. */
export function problemsFrom(details: unknown): ExportProblem[] | null {
  if (typeof details !== 'object' || details === null) return null;
  const list = (details as { problems?: unknown }).problems;
  if (!Array.isArray(list)) return null;
  return list.filter(isProblem);
}

function isProblem(p: unknown): p is ExportProblem {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  return (
    typeof o.imageId === 'string' &&
    typeof o.relPath === 'string' &&
    typeof o.message === 'string' &&
    (o.severity === 'error' || o.severity === 'warning')
  );
}
