import type { ProviderName } from '../../../shared/dataset';
import type { ModelUse, RunProgress, RunSummary } from '../../../shared/progress';
import { byCount, formatCost, formatDuration, formatRate, plural } from './format';
import { capitalised, modelLabel, type RunWho } from './model-text';

/** Share of a run's images with an outcome (0..1). */
export function runFraction(p: Pick<RunProgress, 'total' | 'done' | 'failed' | 'blocked'>): number {
  return p.total === 0 ? 0 : (p.done + p.failed + p.blocked) / p.total;
}

/**
 * The cost so far. When a model without a known price answered (a remote server we have no prices for), the
 * figure counts only the priced requests: a lower bound, or "not known" when nothing was priced. A server on this
 * computer has no price because it costs nothing.
 */
export function costText(usd: number, known: boolean, local = false): string {
  if (known) return formatCost(usd);
  if (local) return `${formatCost(usd)} (on this computer)`;
  return usd > 0 ? `at least ${formatCost(usd)}` : 'cost not known';
}

/** The run bar's figures as short labelled parts, omitting what is not known yet. */
export function progressParts(p: RunProgress, local = false): string[] {
  const parts = [`${p.done.toLocaleString('en-US')} done`];
  if (p.failed + p.blocked > 0) parts.push(`${(p.failed + p.blocked).toLocaleString('en-US')} failed`);
  parts.push(`${p.remaining.toLocaleString('en-US')} left`);
  if (p.ratePerMinute > 0) parts.push(formatRate(p.ratePerMinute));
  if (p.remaining > 0 && !p.paused) parts.push(etaText(p));
  parts.push(costText(p.costUsd, p.costKnown, local));
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

/**
 * When a daily quota comes back, in the user's own clock: "today at 17:00", "tomorrow at 09:00", or the weekday
 * (Gemini resets at midnight Pacific, which is another hour of the day almost everywhere else).
 */
export function resetText(iso: string, now: number): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(at) - day(new Date(now))) / 86_400_000);
  if (days <= 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `${at.toLocaleDateString([], { weekday: 'long' })} at ${time}`;
}

/** The finished run's headline, in words that say what happened and what is next. */
export function summaryHeadline(s: RunSummary, who: RunWho, now = Date.now()): string {
  const problems = s.failed + s.blocked;
  const base = `${plural(s.captioned, 'caption')} written`;
  const failed = problems > 0 ? `, ${problems.toLocaleString('en-US')} failed` : '';
  const left = `${plural(s.notAttempted, 'image')} left`;
  switch (s.status) {
    case 'completed':
      return `Run finished: ${base}${failed}`;
    case 'cancelled':
      // A run that ended on an error (the server went away) is reported as cancelled, with the reason as message.
      return `Run ${s.message ? 'stopped' : 'cancelled'}: ${base}${failed}; ${left} for the next run`;
    case 'quota-exhausted': {
      const until = s.quotaResetsAt ? ` until ${resetText(s.quotaResetsAt, now)}` : '';
      return `Stopped: daily quota used up on every model${until}. ${base}${failed}; ${left}`;
    }
    case 'invalid-key':
      return `Stopped: ${who.name} rejected the API key`;
    case 'model-not-found':
      return `Stopped: ${who.name} does not offer the chosen model`;
    case 'no-vision':
      return `Stopped: ${modelLabel(who.model, who.provider)} cannot see images`;
    case 'batch-failed':
      return 'The batch job ended without results';
  }
}

const LEFT_BECAUSE: Record<NonNullable<ModelUse['left']>, string> = {
  quota: 'ran out of daily quota',
  missing: 'is not available',
  failing: 'kept failing',
};

/**
 * How the fallback chain was used, when more than one model took part: why the run moved on, and who wrote how
 * many ("Gemini 2.5 Flash ran out of daily quota; 20 by Gemini 2.5 Flash, 20 by Gemma 3 27B"). Null for a run
 * on one model.
 */
export function chainStory(models: readonly ModelUse[] | undefined, provider: ProviderName): string | null {
  if (!models || models.length < 2) return null;
  const name = (m: ModelUse) => modelLabel(m.model, provider);
  const why = models.filter((m) => m.left !== null).map((m) => `${name(m)} ${LEFT_BECAUSE[m.left ?? 'failing']}`);
  const wrote = models
    .filter((m) => m.captioned > 0)
    .map((m) => `${m.captioned.toLocaleString('en-US')} by ${name(m)}`);
  return [why.join(', '), wrote.join(', ')].filter((t) => t !== '').join('; ');
}

/** What to do next when the run stopped on something only the user can change. */
const NEXT_STEP: Partial<Record<RunSummary['status'], string>> = {
  'no-vision': 'Choose a model that takes images (Qwen2.5-VL, LLaVA, Gemma 3, MiniCPM-V…) in Settings, then run again.',
};

/** The line under the headline: the chain's story, the reason and next step, time and cost. */
export function summaryDetail(s: RunSummary, who: RunWho): string {
  const parts = [
    chainStory(s.models, who.provider),
    NEXT_STEP[s.status] ?? null,
    s.message ? capitalised(s.message) : null,
    formatDuration(s.elapsedMs / 1000),
    costText(s.costUsd, s.costKnown, who.local),
  ];
  return parts.filter((p) => p !== null).join(' · ');
}

/** The short note (a toast) when a run completes: what it wrote, what it cost, and how many need a look. */
export function finishedNote(
  s: Pick<RunSummary, 'captioned' | 'failed' | 'blocked' | 'costUsd' | 'costKnown'>,
  local = false,
): string {
  const problems = s.failed + s.blocked;
  const tail = problems > 0 ? `; ${plural(problems, 'image')} ${byCount(problems, 'needs', 'need')} attention` : '';
  const cost = s.costKnown || local ? ` for ${formatCost(s.costUsd)}` : '';
  return `Captioned ${plural(s.captioned, 'image')}${cost}${tail}.`;
}
