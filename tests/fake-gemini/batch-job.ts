import { type BatchLine, isFinished, type StoredBatch } from './state';

/**
 * A batch as the Gemini API shows it: a long-running operation `{name, metadata, done?, response?, error?}` whose
 * metadata is the GenerateContentBatch. The SDK's batchJobFromMldev reads `name` and metadata's displayName,
 * state, createTime, endTime, updateTime, model and output (to `dest`); the rest is there because the service
 * sends it. Proto3 JSON: int64 counts are strings, zero counts and false `done` are left out.
 */

const BATCH_TYPE = 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch';
const OUTPUT_TYPE = 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput';

/** A line's result as an inlined response: `{response}` or `{error}`, with the request's metadata echoed. */
const inlinedResponse = (line: BatchLine) => ({
  ...line.result,
  ...(line.metadata ? { metadata: line.metadata } : {}),
});

/** The output of a batch that succeeded: its responses file, or the inlined responses in request order. */
function output(batch: StoredBatch) {
  if (batch.state !== 'SUCCEEDED') return undefined;
  if (batch.responsesFile) return { responsesFile: batch.responsesFile };
  return { inlinedResponses: { inlinedResponses: batch.lines.map(inlinedResponse) } };
}

function batchStats(batch: StoredBatch) {
  const total = batch.lines.length;
  const ran = batch.state === 'SUCCEEDED';
  const failed = ran ? batch.lines.filter((l) => l.result && 'error' in l.result).length : 0;
  const counts = {
    requestCount: total,
    successfulRequestCount: ran ? total - failed : 0,
    failedRequestCount: failed,
    pendingRequestCount: isFinished(batch.state) ? 0 : total,
  };
  return Object.fromEntries(Object.entries(counts).flatMap(([k, n]) => (n > 0 ? [[k, String(n)]] : [])));
}

export function batchOperation(batch: StoredBatch) {
  const name = `batches/${batch.id}`;
  const out = output(batch);
  return {
    name,
    metadata: {
      '@type': BATCH_TYPE,
      model: `models/${batch.model}`,
      ...(batch.displayName ? { displayName: batch.displayName } : {}),
      ...(batch.inputFile ? { inputConfig: { fileName: batch.inputFile } } : {}),
      ...(out ? { output: out } : {}),
      createTime: batch.createTime,
      ...(batch.endTime ? { endTime: batch.endTime } : {}),
      updateTime: batch.updateTime,
      batchStats: batchStats(batch),
      state: `BATCH_STATE_${batch.state}`,
      name,
    },
    ...(isFinished(batch.state) ? { done: true } : {}),
    ...(out ? { response: { '@type': OUTPUT_TYPE, ...out } } : {}),
    ...(batch.state === 'FAILED' ? { error: { code: 13, message: 'The batch failed.' } } : {}),
  };
}
