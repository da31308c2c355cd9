import type { TrainingUpdate } from '../../../shared/training';
import { formatBytes, formatDuration, plural } from './format';

/** One line for where a training is, the same in the dialog and the workspace's bar. */
export function trainingHeadline(u: TrainingUpdate): string {
  if (u.step === 'exporting') {
    return u.exported
      ? `Preparing the ZIP: ${u.exported.done.toLocaleString('en-US')} of ${plural(u.exported.total, 'image')}`
      : 'Preparing the ZIP';
  }
  if (u.step === 'uploading') {
    return `Uploading the ZIP to Replicate${u.zipBytes === null ? '' : ` (${formatBytes(u.zipBytes)})`}`;
  }
  const r = u.record;
  if (!r) return 'Getting ready';
  switch (r.status) {
    case 'creating':
      return 'Starting the training at Replicate';
    case 'starting':
      return 'Waiting for a GPU at Replicate';
    case 'processing':
      return r.progress
        ? `Training: step ${r.progress.step.toLocaleString('en-US')} of ${r.progress.total.toLocaleString('en-US')}`
        : 'Training: setting up';
    case 'succeeded':
      return 'Your LoRA is ready';
    case 'failed':
      return 'The training failed';
    case 'canceled':
      return 'The training was cancelled';
  }
}

/** How far along, 0-1, where there is a measure (ZIP images written, training steps); null otherwise. */
export function trainingFraction(u: TrainingUpdate): number | null {
  if (u.step === 'exporting') return u.exported && u.exported.total > 0 ? u.exported.done / u.exported.total : null;
  if (u.step === 'uploading') return null;
  const p = u.record?.status === 'processing' ? u.record.progress : null;
  return p ? Math.min(1, p.step / p.total) : null;
}

/**
 * Time left from the pace so far (steps done since the training started), once there is a pace to go by: the
 * trainer's setup (downloading FLUX) happens before step 1, so the first steps overstate it a little.
 */
export function timeLeft(u: TrainingUpdate, now: number): string | null {
  const r = u.record;
  if (r?.status !== 'processing' || !r.progress || !r.startedAt || r.progress.step === 0) return null;
  const elapsed = (now - Date.parse(r.startedAt)) / 1000;
  if (!(elapsed > 0)) return null;
  const left = (elapsed / r.progress.step) * (r.progress.total - r.progress.step);
  return `about ${formatDuration(left)} left`;
}

/** The last `lines` lines of the trainer's log (its progress bar redraws are already one line each). */
export function logTail(logs: string, lines = 40): string {
  const all = logs.replace(/\r\n?/gu, '\n').trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

/** How long a finished training ran, from Replicate's times; null when they are missing. */
export function trainingDuration(startedAt: string | null, completedAt: string | null): string | null {
  if (!startedAt || !completedAt) return null;
  const seconds = (Date.parse(completedAt) - Date.parse(startedAt)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? formatDuration(seconds) : null;
}
