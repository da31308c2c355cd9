import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { batchStatusOf } from '../../shared/batch-status';
import type { BatchJobRecord } from '../../shared/dataset';
import { AppError, isAppError } from '../../shared/errors';
import type { BatchStatus } from '../../shared/progress';
import { selectRunImages } from '../../shared/run-selection';
import { type CaptionJob, renderPrompt } from '../captioner';
import { outcomePatch } from '../workflow';
import { cancelBatch } from './cancel';
import { buildInputs } from './inputs';
import { BATCH_GEMINI_ONLY, changeRecord, claimRecord, patchRecord, thisUploader } from './record';
import { deleteFilesAndClear } from './settle';
import type { BatchDeps } from './types';

export interface SubmitOptions {
  recaption?: boolean;
  only?: readonly string[];
  /** Cancels the submission: uploads stop, their files are deleted and the record cleared (nothing was submitted). */
  signal?: AbortSignal;
  /** Stops at once without cleaning up (the app is quitting): the next check finds the record and cleans up. */
  abandon?: AbortSignal;
  onStatus?: (s: BatchStatus) => void;
  /** Tests: make a small batch a file batch. */
  inlineLimitBytes?: number;
}

/**
 * Submits the images a run with these options would send as one Gemini batch job. The record is claimed before
 * anything is uploaded (no second job for the same dataset, from this process or another), lists every file before
 * its upload, and gets the job's name the moment the job exists. Resolves with the job's status, or null when no
 * image needs a caption. On failure nothing is left behind, except when the connection dropped while the job was
 * being created: it may exist, so the record stays for the next check to find it by its display name.
 */
export async function submitBatch(
  deps: BatchDeps,
  datasetId: string,
  opts: SubmitOptions,
): Promise<BatchStatus | null> {
  const manifest = await deps.store.load(datasetId);
  const { settings } = manifest;
  if (settings.provider !== 'gemini') {
    throw new AppError('validation', BATCH_GEMINI_ONLY);
  }
  const targets = selectRunImages(manifest.images, opts);
  if (targets.length === 0) return null;
  const token = randomToken();
  const typed = targets.filter((i) => i.captionSource === 'user' && i.caption !== null);
  const record: BatchJobRecord = {
    ...{ name: null, displayName: `caption-studio ${datasetId} ${token}`, model: settings.model, state: 'uploading' },
    ...{ input: 'inline', imageIds: targets.map((i) => i.id), uploadedFiles: [] },
    typedCaptions: Object.fromEntries(typed.map((i) => [i.id, i.caption as string])),
    ...{ submittedAt: new Date(deps.clock.now()).toISOString(), uploader: thisUploader() },
    ...{ checkedAt: null, settledAt: null },
  };
  await claimRecord(deps.store, datasetId, record);
  const report = throttled(record, opts.onStatus);
  report(0);

  const signal = AbortSignal.any([opts.signal, opts.abandon].filter((s) => s !== undefined));
  const uploaded: string[] = [];
  let creating = false;
  try {
    await deps.client.check(record.model, signal);
    const jobs: CaptionJob[] = targets.map((i) => ({ id: i.id, source: i.source, format: i.format }));
    const inputs = await buildInputs(
      {
        ...{ client: deps.client, jobs, model: record.model, downscale: settings.downscale, signal },
        prompt: renderPrompt(settings.prompt, manifest.trigger),
        names: { image: (i) => `files/cs-${token}-${i.toString(36)}`, input: `files/cs-${token}-requests` },
        jsonlPath: join(deps.store.datasetDir(datasetId), `batch-requests-${token}.jsonl`),
        onFilesPlanned: async (names) => {
          await patchRecord(deps.store, datasetId, record.displayName, { input: 'file', uploadedFiles: names });
        },
        onProgress: report,
        ...(opts.inlineLimitBytes ? { inlineLimitBytes: opts.inlineLimitBytes } : {}),
      },
      uploaded,
    );
    for (const o of inputs.unreadable) {
      await deps.store.updateImage(datasetId, o.id, outcomePatch(o, undefined, manifest.trigger, 'gemini'));
    }
    if (inputs.imageIds.length === 0) throw new AppError('io', 'None of the images could be read: nothing to submit.');
    signal.throwIfAborted();
    creating = true;
    const job = await deps.client.create(record.model, inputs.src, record.displayName);
    const checkedAt = new Date(deps.clock.now()).toISOString();
    const patch = { name: job.name, state: job.state, imageIds: inputs.imageIds, input: inputs.input, checkedAt };
    const written = await patchRecord(deps.store, datasetId, record.displayName, { ...patch, uploader: null });
    if (!written) {
      // The record went meanwhile (the dataset was settled by someone who thought this upload had stopped): a job
      // nobody would ever collect must not run and cost money.
      await deps.client.cancel(job.name).catch(() => {});
      await deleteFilesAndClear(deps, datasetId, { ...record, uploadedFiles: uploaded }).catch(() => {});
      throw new AppError('cancelled', 'The batch job was given up while it was being submitted.');
    }
    if (opts.signal?.aborted) {
      await cancelBatch(deps, datasetId);
      throw new AppError('cancelled', 'The batch job was cancelled.');
    }
    return written.batch ? batchStatusOf(written.batch) : null;
  } catch (e) {
    if (opts.abandon?.aborted || (isAppError(e) && creating)) throw e;
    if (creating && deps.client.classify(e).kind === 'network') {
      throw new AppError(
        'network',
        'The connection dropped while the batch job was being submitted: it may exist, so Caption Studio looks for ' +
          'it (now, or when the dataset opens next) and never submits it twice.',
      );
    }
    await deleteFilesAndClear(deps, datasetId, { ...record, uploadedFiles: uploaded }).catch(() => {});
    await changeRecord(deps.store, datasetId, record.displayName, (m) => ({ ...m, batch: null })).catch(() => {});
    throw submitError(deps, e, record.model, opts.signal);
  }
}

/** Ten lowercase letters and digits: names the job's files (`files/cs-<token>-<n>`) and its display name. */
function randomToken(): string {
  return [...randomBytes(10)].map((b) => (b % 36).toString(36)).join('');
}

/** Reports the upload at most once per percent (a 20,000-image batch would otherwise send 20,000 events). */
function throttled(record: BatchJobRecord, onStatus: SubmitOptions['onStatus']) {
  const total = Math.max(1, record.imageIds.length);
  let last = -1;
  return (uploaded: number) => {
    const percent = Math.floor((uploaded * 100) / total);
    if (percent === last) return;
    last = percent;
    onStatus?.(batchStatusOf(record, { uploaded }));
  };
}

function submitError(deps: BatchDeps, e: unknown, model: string, signal: AbortSignal | undefined): AppError {
  if (signal?.aborted) return new AppError('cancelled', 'Cancelled before the batch was submitted: nothing was sent.');
  if (isAppError(e)) return e;
  if ((e as NodeJS.ErrnoException).syscall) {
    return new AppError('io', `Could not write the batch's requests: ${(e as Error).message}`);
  }
  const f = deps.client.classify(e);
  switch (f.kind) {
    case 'invalid-key':
      return new AppError('invalid-key', f.message);
    case 'model-not-found':
      return new AppError('not-found', `Gemini cannot run "${model}" as a batch job. Choose another model.`);
    case 'network':
      return new AppError(
        'network',
        'Lost the connection to Gemini while uploading: nothing was submitted. Try again.',
      );
    case 'daily-quota':
    case 'rate-limit':
      return new AppError('quota', `Gemini refused the batch job: ${f.message}`);
    case 'bad-input':
    case 'other':
      return new AppError('validation', `Gemini refused the batch job: ${f.message}`);
    default:
      return new AppError('network', `Gemini refused the batch job: ${f.message}`);
  }
}
