import { readBatchInput } from './batch-input';
import { batchOperation } from './batch-job';
import { advanceBatch, settleBatch } from './batch-lifecycle';
import type { FakeContext, RouteHandler } from './context';
import * as E from './errors';
import { type Exchange, fail, page, reply } from './http';
import { isFinished, isoTime, randomId, type StoredBatch } from './state';

/**
 * The Batch API: batches.create (POST models/{model}:batchGenerateContent), get, list, cancel and delete. A get
 * moves the batch one step unless the fake's batchProgress is 'manual'; list only looks.
 */

export const createBatch: RouteHandler = (ex, ctx, [model = '']) => {
  ex.entry.model = model;
  if (!ctx.models().includes(model)) {
    return fail(ex, 'not-found', E.modelNotFound(model, 'v1beta', 'batchGenerateContent'));
  }
  const input = readBatchInput(ex.body, ctx);
  if (!input.ok) return fail(ex, input.outcome, input.error);
  const now = isoTime();
  const batch: StoredBatch = {
    id: randomId(),
    model,
    displayName: input.displayName,
    inputFile: input.inputFile,
    lines: input.lines,
    state: 'PENDING',
    createTime: now,
    updateTime: now,
    endTime: null,
    responsesFile: null,
    createdBy: ex.entry.index,
  };
  ctx.state.batches.set(batch.id, batch);
  ex.entry.resource = `batches/${batch.id}`;
  reply(ex, 200, 'ok', batchOperation(batch));
};

/** The batch a route names, logged as the request's resource; answers 404 (and returns undefined) when unknown. */
function namedBatch(ex: Exchange, ctx: FakeContext, id: string): StoredBatch | undefined {
  ex.entry.resource = `batches/${id}`;
  const batch = ctx.state.batch(id);
  if (!batch) fail(ex, 'not-found', E.entityNotFound());
  return batch;
}

export const getBatch: RouteHandler = (ex, ctx, [id = '']) => {
  const batch = namedBatch(ex, ctx, id);
  if (!batch) return;
  if ((ctx.options().batchProgress ?? 'per-get') === 'per-get') advanceBatch(batch, ctx);
  reply(ex, 200, 'ok', batchOperation(batch));
};

export const listBatches: RouteHandler = (ex, ctx) => {
  const { items, nextPageToken } = page(ex.url, [...ctx.state.batches.values()], 10, 100);
  reply(ex, 200, 'ok', { operations: items?.map(batchOperation), nextPageToken });
};

export const cancelBatch: RouteHandler = (ex, ctx, [id = '']) => {
  const batch = namedBatch(ex, ctx, id);
  if (!batch) return;
  if (isFinished(batch.state)) {
    const message = `batches/${batch.id} has already ended (BATCH_STATE_${batch.state}) and cannot be cancelled.`;
    return fail(ex, 'failed-precondition', E.failedPrecondition(message));
  }
  settleBatch(batch, 'CANCELLED', ctx);
  reply(ex, 200, 'ok', {});
};

/** Forgets a batch (a running one is not stopped first; its results are just no longer kept). */
export const deleteBatch: RouteHandler = (ex, ctx, [id = '']) => {
  const batch = namedBatch(ex, ctx, id);
  if (!batch) return;
  ctx.state.batches.delete(batch.id);
  reply(ex, 200, 'ok', {});
};
