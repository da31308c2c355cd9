import type { RunProgress, RunSummary } from '../../shared/progress';

/**
 * The summary of a run that ended on an error instead of a summary of its own (Gemini unreachable, a caption
 * that could not be saved): what the last progress event counted, every outcome of which is already on disk.
 * The app's run bar and the CLI's --json both report stopped runs with it.
 */
export function stoppedRunSummary(
  last: RunProgress | null,
  jobs: number,
  reason: string,
  elapsedMs: number,
): RunSummary {
  const captioned = last?.done ?? 0;
  const failed = last?.failed ?? 0;
  const blocked = last?.blocked ?? 0;
  return {
    status: 'cancelled',
    message: `${reason} Images without a caption are left for the next run.`,
    ...{ captioned, failed, blocked },
    notAttempted: Math.max(0, (last?.total ?? jobs) - captioned - failed - blocked),
    ...{ inputTokens: last?.inputTokens ?? 0, outputTokens: last?.outputTokens ?? 0, costUsd: last?.costUsd ?? 0 },
    costKnown: last?.costKnown ?? true,
    elapsedMs,
  };
}
