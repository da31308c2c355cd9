import { createHistoryService } from '../history';
import { createMediaService, type MediaService } from '../media';
import { BatchManager } from './batch-manager';
import { checkHandlers } from './check-handlers';
import { createContext } from './context';
import { datasetHandlers } from './dataset-handlers';
import { estimateHandlers } from './estimate-handlers';
import { exportHandlers } from './export-handlers';
import { historyHandlers } from './history-handlers';
import { imageHandlers } from './image-handlers';
import { importHandlers } from './import-handlers';
import { keyHandlers } from './key-handlers';
import { modelHandlers } from './model-handlers';
import { osHandlers } from './os-handlers';
import { runHandlers } from './run-handlers';
import { RunManager } from './run-manager';
import { settingsHandlers } from './settings-handlers';
import { trainingHandlers } from './training-handlers';
import { TrainingManager } from './training-manager';
import type { HandlerDeps, Handlers } from './types';

export { dispatch } from './dispatch';
export { userCaptionPatch } from './image-handlers';
export type { Emit, HandlerDeps, Handlers } from './types';

/** Everything the main process (or the browser preview) needs from the services, behind the typed contract. */
export interface Backend {
  /** One implementation per contract call; wrap with dispatch() at the boundary. */
  handlers: Handlers;
  /** Thumbnails and previews for the media protocol / HTTP route. */
  media: MediaService;
  /** A caption run is going, a batch job or a training's dataset uploading (closing the window should ask first). */
  hasActiveRuns(): boolean;
  /** Cancels runs (captions already arrived stay saved), stops imports and exports, then closes the store. */
  shutdown(): Promise<void>;
  /** Asks the page to save its drafts (event `flushDrafts`) and waits for its answer, at most the timeout. */
  flushUi(): Promise<void>;
}

export function createBackend(deps: HandlerDeps): Backend {
  const ctx = createContext(deps);
  const runs = new RunManager(ctx);
  const history = createHistoryService(deps.store);
  const batches = new BatchManager(ctx, runs);
  const trainings = new TrainingManager(ctx);
  const handlers: Handlers = {
    ...datasetHandlers(ctx, runs, batches, trainings),
    ...importHandlers(ctx),
    ...imageHandlers(ctx, runs, history),
    ...historyHandlers(ctx, runs, history),
    ...checkHandlers(ctx),
    ...estimateHandlers(ctx),
    ...runHandlers(runs, batches),
    ...exportHandlers(ctx),
    ...osHandlers(ctx),
    ...settingsHandlers(ctx),
    ...keyHandlers(ctx),
    ...modelHandlers(ctx),
    ...trainingHandlers(ctx, trainings),
    draftsFlushed: async () => uiFlush.done(),
  };
  const uiFlush = createUiFlush(deps);
  let closed: Promise<void> | null = null;
  return {
    handlers,
    media: createMediaService(deps.store),
    hasActiveRuns: () => runs.hasActive() || batches.hasUploads() || trainings.hasStarts(),
    flushUi: () => uiFlush.request(),
    shutdown() {
      closed ??= (async () => {
        // First let the page save what the user typed in the last moments (autosave waits for a pause in typing).
        await uiFlush.request();
        const stopping = ctx.tasks.close(); // refuses new work at once, runs included
        // Batch jobs are not cancelled: they go on at Gemini and are followed again when their dataset opens.
        // Trainings too go on at Replicate, followed again when their dataset opens.
        await Promise.all([runs.stopAll(), batches.stopAll(), trainings.stopAll(), stopping]);
        await deps.store.close();
      })();
      return closed;
    },
  };
}

/** Asks the page to save its drafts and waits until it says so, or until the timeout (a page that is gone). */
function createUiFlush(deps: HandlerDeps) {
  let answered: (() => void) | null = null;
  return {
    request(): Promise<void> {
      const timeout = deps.uiFlushTimeoutMs ?? 0;
      if (timeout <= 0 || deps.isUiAttached?.() === false) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => finish(), timeout);
        const finish = () => {
          clearTimeout(timer);
          answered = null;
          resolve();
        };
        answered = finish;
        deps.emit('flushDrafts', {});
      });
    },
    done(): void {
      answered?.();
    },
  };
}
