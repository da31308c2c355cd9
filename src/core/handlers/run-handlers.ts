import type { RunManager } from './run-manager';
import type { Handlers } from './types';

type RunCalls = 'startRun' | 'pauseRun' | 'resumeRun' | 'cancelRun';

/** Pause, resume and cancel are idempotent: the run may have ended between the click and the request. */
export function runHandlers(runs: RunManager): Pick<Handlers, RunCalls> {
  return {
    startRun: (datasetId, request) => runs.start(datasetId, request),
    pauseRun: async (datasetId) => runs.pause(datasetId),
    resumeRun: async (datasetId) => runs.resume(datasetId),
    cancelRun: async (datasetId) => runs.cancel(datasetId),
  };
}
