import type { Training } from 'replicate';
import type { TrainingRecord, TrainingStatus } from '../../shared/training';

/** Log lines kept in the record (the end of the trainer's log: the progress bar and any error). */
const TAIL_LINES = 40;
const TAIL_CHARS = 8_000;
/** ai-toolkit's tqdm bar: `flux_train_replicate:  50%|█████     | 500/1000 [06:10<06:10, ...]`. */
const BAR = /(\d+)\/(\d+) \[/gu;

/**
 * What a training as Replicate answers it changes in the record: status, times, the log's tail, the progress the
 * trainer's bar shows, and the outcome (the new version and its weights, or the error in plain words).
 * `aborted` (Replicate stopped it, e.g. a timeout) counts as failed. The client's `parseProgressFromLogs` only
 * reads lines that start with the percentage, so the bar is read here.
 */
export function fromTraining(t: Training, checkedAt: string): Partial<TrainingRecord> {
  const status: TrainingStatus = t.status === 'aborted' ? 'failed' : t.status;
  const logs = typeof t.logs === 'string' ? t.logs : '';
  const output =
    t.status === 'succeeded' && t.output?.version && t.output.weights
      ? { version: t.output.version, weights: t.output.weights }
      : null;
  return {
    id: t.id,
    status,
    startedAt: t.started_at ?? null,
    completedAt: t.completed_at ?? null,
    checkedAt,
    logsTail: tail(logs),
    progress: progressOf(logs),
    output,
    error: status === 'failed' ? plainTrainingError(t.error, t.status === 'aborted') : null,
  };
}

function tail(logs: string): string {
  const lines = logs.split(/\r\n|\r|\n/u).filter((l) => l.trim() !== '');
  return lines.slice(-TAIL_LINES).join('\n').slice(-TAIL_CHARS);
}

function progressOf(logs: string): TrainingRecord['progress'] {
  let last: RegExpExecArray | null = null;
  for (const m of logs.matchAll(BAR)) last = m;
  if (!last) return null;
  const total = Number(last[2]);
  return total > 0 ? { step: Math.min(Number(last[1]), total), total } : null;
}

/** The trainer's error in words a student can act on; the original follows for anyone who wants it. */
function plainTrainingError(error: unknown, aborted = false): string {
  const text = typeof error === 'string' ? error.trim() : error ? JSON.stringify(error) : '';
  if (aborted) return `Replicate stopped the training before it finished${text ? `: ${text}` : '.'}`;
  if (/out of memory/iu.test(text)) {
    return `The training ran out of GPU memory. Try a lower LoRA rank, or scale the images down to 1024 px. (${text})`;
  }
  if (/must be a zip/iu.test(text)) return `The trainer could not read the uploaded dataset as a ZIP file. (${text})`;
  if (/failed to download/iu.test(text))
    return `The trainer could not download the uploaded dataset. Start the training again. (${text})`;
  return text ? `The training failed: ${text}` : 'The training failed; Replicate gave no reason.';
}
