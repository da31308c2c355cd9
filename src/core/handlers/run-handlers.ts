import type { RunManager } from './run-manager';
import type { Handlers } from './types';

type RunCalls = 'startRun' | 'pauseRun' | 'resumeRun' | 'cancelRun';

/** Pause, resume and cancel are idempotent: the run may have ended between the click and the request. */
export function runHandlers(runs: RunManager): Pick<Handlers, RunCalls> {
  return {
    startRun: (sessionId, request) => runs.start(sessionId, request),
    pauseRun: async (sessionId) => runs.pause(sessionId),
    resumeRun: async (sessionId) => runs.resume(sessionId),
    cancelRun: async (sessionId) => runs.cancel(sessionId),
  };
}
