import type { RunProgress, RunSummary } from '../../../shared/progress';
import { byCount, formatCost, formatDuration, formatRate, plural } from './format';

/** Share of a run's images with an outcome (0..1). */
export function runFraction(p: Pick<RunProgress, 'total' | 'done' | 'failed' | 'blocked'>): number {
  return p.total === 0 ? 0 : (p.done + p.failed + p.blocked) / p.total;
}

/** The run bar's figures as short labelled parts, omitting what is not known yet. */
export function progressParts(p: RunProgress): string[] {
  const parts = [`${p.done.toLocaleString('en-US')} done`];
  if (p.failed + p.blocked > 0) parts.push(`${(p.failed + p.blocked).toLocaleString('en-US')} failed`);
  parts.push(`${p.remaining.toLocaleString('en-US')} left`);
  if (p.ratePerMinute > 0) parts.push(formatRate(p.ratePerMinute));
  if (p.remaining > 0 && !p.paused) parts.push(etaText(p));
  parts.push(formatCost(p.costUsd));
  return parts;
}

/**
 * The time left. Before the first caption arrives the run has no measured pace, so any figure (often a bare
 * "0 s" while work is clearly left) would mislead: say it is being estimated instead.
 */
function etaText(p: Pick<RunProgress, 'done' | 'etaSeconds'>): string {
  if (p.done === 0 || p.etaSeconds === null || p.etaSeconds <= 0) return 'estimating time…';
  // Work is left, so never promise "0 s".
  return `about ${formatDuration(Math.max(1, p.etaSeconds))} left`;
}

/** The finished run's headline, in words that say what happened and what is next. */
export function summaryHeadline(s: RunSummary): string {
  const problems = s.failed + s.blocked;
  const base = `${plural(s.captioned, 'caption')} written`;
  const failed = problems > 0 ? `, ${problems.toLocaleString('en-US')} failed` : '';
  switch (s.status) {
    case 'completed':
      return `Run finished: ${base}${failed}`;
    case 'cancelled':
      return `Run cancelled: ${base}${failed}; ${plural(s.notAttempted, 'image')} left for the next run`;
    case 'quota-exhausted':
      return `Stopped: Gemini's daily quota is used up. ${base}${failed}; ${plural(s.notAttempted, 'image')} left`;
    case 'invalid-key':
      return 'Stopped: Gemini rejected the API key';
    case 'model-not-found':
      return 'Stopped: the chosen model is not available';
    case 'no-vision':
      return 'Stopped: the chosen model cannot see images';
    case 'batch-failed':
      return 'The batch job ended without results';
  }
}

export function summaryDetail(s: RunSummary): string {
  const parts = [formatDuration(s.elapsedMs / 1000), formatCost(s.costUsd)];
  return s.message ? `${s.message} · ${parts.join(' · ')}` : parts.join(' · ');
}

/** The short note (a toast) when a run completes: what it wrote, what it cost, and how many need a look. */
export function finishedNote(s: Pick<RunSummary, 'captioned' | 'failed' | 'blocked' | 'costUsd'>): string {
  const problems = s.failed + s.blocked;
  const tail = problems > 0 ? `; ${plural(problems, 'image')} ${byCount(problems, 'needs', 'need')} attention` : '';
  return `Captioned ${plural(s.captioned, 'image')} for ${formatCost(s.costUsd)}${tail}.`;
}
