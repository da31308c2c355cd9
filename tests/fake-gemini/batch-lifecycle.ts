import type { FakeContext } from './context';
import * as E from './errors';
import type { Refusal } from './generation';
import {
  type BatchLine,
  type BatchState,
  isFinished,
  isoTime,
  type StoredBatch,
  type TerminalBatchState,
} from './state';

/**
 * How a batch moves (PENDING -> RUNNING -> an end state) and what happens when it succeeds: every line goes
 * through the same fake model as generateContent, at that moment, so fault hooks set while it waited apply and an
 * image's caption is the one generateContent would give. A file batch's results become a generated JSONL file.
 */

type LineRun = Pick<BatchLine, 'result' | 'outcome' | 'imageKey' | 'text'>;

const failed = (refusal: Pick<Refusal, 'outcome' | 'error'>, imageKey: string | null = null): LineRun => ({
  result: { error: E.lineError(refusal.error) },
  outcome: refusal.outcome,
  imageKey,
  text: null,
});

function runLine(batch: StoredBatch, line: BatchLine, index: number, ctx: FakeContext): LineRun {
  if (line.unreadable) return failed({ outcome: 'bad-request', error: E.badRequest(line.unreadable) });
  const request = typeof line.request === 'object' && line.request !== null ? line.request : {};
  const accepted = ctx.model.accept(request);
  if ('kind' in accepted) return failed(accepted);
  const { imageKey } = accepted;
  const thoughts = ctx.model.thoughts(batch.model, accepted.request);
  if (typeof thoughts !== 'number') return failed(thoughts, imageKey);

  const opts = ctx.options();
  const fault = (opts.batchFault ?? opts.fault)?.({
    model: batch.model,
    imageKey,
    attempt: accepted.attempt,
    index: batch.createdBy,
    batch: { name: `batches/${batch.id}`, key: line.key, line: index },
  });
  const reply = ctx.model.reply(batch.model, accepted.request, thoughts, fault);
  if (reply.kind === 'answer') {
    return { result: { response: reply.body }, outcome: reply.outcome, imageKey, text: reply.text };
  }
  // A batch has no connection to drop: the service's own call failed, and the line reports it as internal.
  return failed(reply.kind === 'drop' ? { outcome: 'internal', error: E.internal() } : reply, imageKey);
}

/** Results file lines: `{"key": ..., "response": {...}}` or `{"key": ..., "error": {code, message}}`. */
function writeResponsesFile(batch: StoredBatch, ctx: FakeContext): void {
  const jsonl = batch.lines.map((l) => JSON.stringify({ ...(l.key !== null ? { key: l.key } : {}), ...l.result }));
  const file = ctx.state.addFile({
    id: `batch-${batch.id}`,
    displayName: null,
    mimeType: 'application/jsonl',
    bytes: Buffer.from(`${jsonl.join('\n')}\n`, 'utf8'),
    source: 'GENERATED',
  });
  batch.responsesFile = `files/${file.id}`;
}

/** Ends a batch in `state` now. A batch that succeeds runs its lines first. */
export function settleBatch(batch: StoredBatch, state: TerminalBatchState, ctx: FakeContext): void {
  if (isFinished(batch.state)) throw new Error(`batches/${batch.id} has already ended (${batch.state})`);
  if (state === 'SUCCEEDED') {
    batch.lines.forEach((line, i) => {
      Object.assign(line, runLine(batch, line, i, ctx));
    });
    if (batch.inputFile) writeResponsesFile(batch, ctx);
  }
  batch.state = state;
  batch.updateTime = isoTime();
  batch.endTime = batch.updateTime;
}

/** One step: PENDING -> RUNNING -> the configured end state (SUCCEEDED unless told). An ended batch stays. */
export function advanceBatch(batch: StoredBatch, ctx: FakeContext): BatchState {
  if (batch.state === 'PENDING') {
    batch.state = 'RUNNING';
    batch.updateTime = isoTime();
  } else if (batch.state === 'RUNNING') {
    settleBatch(batch, ctx.options().batchEndState ?? 'SUCCEEDED', ctx);
  }
  return batch.state;
}
