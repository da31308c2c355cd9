import { ApiError, type BatchJob, type InlinedRequest } from '@google/genai';
import type { BatchState } from '../../../shared/dataset';
import { systemClock } from '../../clock';
import type { Clock } from '../../ports';
import { backoffDelay } from '../backoff';
import { type CaptionFailure, isTransient } from '../provider';
import type { BatchResultLine } from './batch-lines';
import { checkGemini } from './check';
import { classifyGeminiError } from './classify';
import { createGeminiClient } from './client';

/**
 * The Files API and Batch API calls a Gemini batch job needs, through `@google/genai`. Calls that change nothing
 * on a second try (uploads to a chosen name, reads, deletes, cancel) are retried on transient failures here;
 * creating a job never is (a retry could submit the same images twice: the caller decides, see core/batch).
 */

export interface BatchJobView {
  name: string;
  state: BatchState;
  /** The results of an inline job, in request order, each with its key; null for a file job or before the end. */
  inlined: Array<BatchResultLine & { key: string | null }> | null;
  /** `files/...` holding the JSONL results of a file job that succeeded. */
  resultsFile: string | null;
}

export interface GeminiBatchClient {
  /** The key works and the model exists (no tokens spent); AppError otherwise. */
  check(model: string, signal?: AbortSignal): Promise<void>;
  /** Uploads to a chosen name (`files/...`) and returns the file's URI; a file already there under it counts. */
  upload(file: Blob | string, name: string, mimeType: string, signal?: AbortSignal): Promise<string>;
  create(model: string, src: InlinedRequest[] | string, displayName: string): Promise<BatchJobView>;
  get(name: string): Promise<BatchJobView>;
  /** The job submitted under this display name, if any (one created just before a crash). */
  findByDisplayName(displayName: string): Promise<BatchJobView | null>;
  cancel(name: string): Promise<void>;
  /** A file already gone (deleted, expired) counts as deleted. */
  deleteFile(name: string): Promise<void>;
  download(fileName: string, path: string): Promise<void>;
  classify(err: unknown): CaptionFailure;
}

export interface BatchClientOptions {
  apiKey: string;
  baseUrl?: string | undefined;
  clock?: Clock;
  /** Tries of a call that failed transiently (default 4). */
  attempts?: number;
}

/** Jobs listed when looking for a display name: 20 pages of 100, far more than anyone keeps. */
const FIND_PAGES = 20;

export function createGeminiBatchClient(opts: BatchClientOptions): GeminiBatchClient {
  const ai = createGeminiClient(opts.apiKey, opts.baseUrl);
  const clock = opts.clock ?? systemClock;
  const attempts = opts.attempts ?? 4;

  async function retrying<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        if (signal?.aborted || attempt >= attempts) throw err;
        const f = classifyGeminiError(err);
        if (!isTransient(f)) throw err;
        await clock.sleep(backoffDelay(attempt, f.kind === 'rate-limit' ? f.retryAfterMs : null), signal);
      }
    }
  }

  return {
    check: (model, signal) => checkGemini(ai, model, signal),

    upload: (file, name, mimeType, signal) =>
      retrying(async () => {
        try {
          const uploaded = await ai.files.upload({ file, config: { name, mimeType, ...abortable(signal) } });
          return uploaded.uri ?? '';
        } catch (err) {
          // 409: an earlier try got through although its answer was lost. The file is whole (it exists only once
          // its upload is finalised), so it is used as it is.
          if (!(err instanceof ApiError && err.status === 409)) throw err;
          return (await ai.files.get({ name })).uri ?? '';
        }
      }, signal),

    create: async (model, src, displayName) => viewOf(await ai.batches.create({ model, src, config: { displayName } })),

    get: (name) => retrying(async () => viewOf(await ai.batches.get({ name }))),

    async findByDisplayName(displayName) {
      const pager = await retrying(() => ai.batches.list({ config: { pageSize: 100 } }));
      let seen = 0;
      for await (const job of pager) {
        if (job.displayName === displayName) return viewOf(job);
        if (++seen >= FIND_PAGES * 100) break;
      }
      return null;
    },

    cancel: (name) => retrying(() => ai.batches.cancel({ name })),

    deleteFile: (name) =>
      retrying(async () => {
        try {
          await ai.files.delete({ name });
        } catch (err) {
          // Gone already (403 "may not exist" is how the Files API says it, 404 for good measure).
          if (!(err instanceof ApiError && (err.status === 403 || err.status === 404))) throw err;
        }
      }),

    download: (fileName, path) => retrying(() => ai.files.download({ file: fileName, downloadPath: path })),

    classify: classifyGeminiError,
  };
}

const abortable = (signal: AbortSignal | undefined) => (signal ? { abortSignal: signal } : {});

function viewOf(job: BatchJob): BatchJobView {
  const inlined = job.dest?.inlinedResponses?.map((r) => ({
    key: r.metadata?.key ?? null,
    ...(r.response ? { response: r.response } : {}),
    ...(r.error ? { error: r.error } : {}),
  }));
  return {
    name: job.name ?? '',
    state: batchStateOf(job.state),
    inlined: inlined ?? null,
    resultsFile: job.dest?.fileName ?? null,
  };
}

/** The service's job states in the app's words (a cancel in progress is still running: results may come). */
export function batchStateOf(state: string | undefined): BatchState {
  switch (state) {
    case 'JOB_STATE_RUNNING':
    case 'JOB_STATE_CANCELLING':
    case 'JOB_STATE_UPDATING':
      return 'running';
    case 'JOB_STATE_SUCCEEDED':
    case 'JOB_STATE_PARTIALLY_SUCCEEDED':
      return 'succeeded';
    case 'JOB_STATE_FAILED':
      return 'failed';
    case 'JOB_STATE_CANCELLED':
      return 'cancelled';
    case 'JOB_STATE_EXPIRED':
      return 'expired';
    default:
      // PENDING, QUEUED, PAUSED, UNSPECIFIED: waiting for its turn.
      return 'queued';
  }
}
