import type { BatchJobRecord, BatchState } from '../../shared/dataset';
import { isAppError } from '../../shared/errors';
import type { RunSummary } from '../../shared/progress';

/** A job's outcome as a run summary, so the run bar and the CLI report a batch the way they report a run. */
export function batchSummary(
  record: Pick<BatchJobRecord, 'submittedAt'>,
  now: number,
  fields: Pick<RunSummary, 'status' | 'message'> & Partial<RunSummary>,
): RunSummary {
  return {
    ...{ captioned: 0, failed: 0, blocked: 0, notAttempted: 0 },
    ...{ inputTokens: 0, outputTokens: 0, costUsd: 0, costKnown: true },
    elapsedMs: Math.max(0, now - Date.parse(record.submittedAt)),
    ...fields,
  };
}

/** A job that ended without results: nothing changed in the dataset, its images wait for the next run. */
export function endedWithoutResults(
  record: Pick<BatchJobRecord, 'submittedAt' | 'imageIds'>,
  state: Exclude<BatchState, 'succeeded' | 'queued' | 'running'>,
  now: number,
): RunSummary {
  const notAttempted = record.imageIds.length;
  const next = 'Images without a caption are kept for the next run.';
  const message: Record<typeof state, string> = {
    cancelled: `The batch job was cancelled. ${next}`,
    uploading: `The batch was stopped before it was submitted: nothing was sent to Gemini. ${next}`,
    failed: `Gemini could not run the batch job (it failed on Gemini's side). ${next}`,
    expired: `The batch job expired before Gemini finished it. ${next}`,
  };
  const status = state === 'failed' || state === 'expired' ? 'batch-failed' : 'cancelled';
  return batchSummary(record, now, { status, message: message[state], notAttempted });
}

/** A submission that stopped before a job existed: cancelled, refused for the key or the model, or refused. */
export function submissionStopped(e: unknown): RunSummary {
  const message = isAppError(e) ? e.message : 'The batch job could not be submitted.';
  const kind = isAppError(e) ? e.kind : 'internal';
  const byKind: Partial<Record<typeof kind, RunSummary['status']>> = {
    cancelled: 'cancelled',
    'invalid-key': 'invalid-key',
    'not-found': 'model-not-found',
  };
  return batchSummary({ submittedAt: new Date().toISOString() }, Date.now(), {
    status: byKind[kind] ?? 'batch-failed',
    message,
  });
}
