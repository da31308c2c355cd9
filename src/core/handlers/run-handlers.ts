import type { BatchManager } from './batch-manager';
import type { RunManager } from './run-manager';
import type { Handlers } from './types';

type RunCalls = 'startRun' | 'pauseRun' | 'resumeRun' | 'cancelRun' | 'cancelBatch';

/**
 * A run goes to the run manager, a batch job (`mode: 'batch'`) to the batch manager. Pause, resume and cancel are
 * idempotent: the run may have ended between the click and the request.
 */
export function runHandlers(runs: RunManager, batches: BatchManager): Pick<Handlers, RunCalls> {
  return {
    startRun: (datasetId, request) =>
      request.mode === 'batch'
        ? batches.submit(datasetId, request)
        : runs.start(datasetId, request, (id) => batches.isUploading(id)),
    pauseRun: async (datasetId) => runs.pause(datasetId),
    resumeRun: async (datasetId) => runs.resume(datasetId),
    cancelRun: async (datasetId) => runs.cancel(datasetId),
    cancelBatch: (datasetId) => batches.cancel(datasetId),
  };
}
