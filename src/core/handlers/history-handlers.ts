import type { StepAction, StepResult } from '../../shared/history';
import type { HistoryService } from '../history';
import type { BackendContext } from './context';
import type { RunManager } from './run-manager';
import type { Handlers } from './types';

const EXCLUSIONS: ReadonlySet<StepAction> = new Set<StepAction>(['exclude', 'include']);

type HistoryCalls = 'applyBulkEdit' | 'undo' | 'redo' | 'undoState' | 'imageHistory' | 'restoreVersion';

/**
 * Bulk edits, undo, redo and versions. Every step that changes images tells every window (`imagesUpdated`,
 * `historyChanged`), and a running caption run treats the changed images as the user's: its later answer for
 * them is dropped, exactly as for a typed caption.
 */
export function historyHandlers(
  ctx: BackendContext,
  runs: RunManager,
  history: HistoryService,
): Pick<Handlers, HistoryCalls> {
  const announce = (datasetId: string) => (result: StepResult) => {
    announceStep(ctx, runs, datasetId, result);
    return result;
  };
  return {
    applyBulkEdit: (datasetId, edit, imageIds) => {
      // Claimed before the step is queued, as a typed caption is: a run's answer queued after this is dropped.
      for (const id of imageIds) runs.claimEdit(datasetId, id);
      return history.applyBulkEdit(datasetId, edit, imageIds).then(announce(datasetId));
    },
    undo: (datasetId) => history.undo(datasetId).then(announce(datasetId)),
    redo: (datasetId) => history.redo(datasetId).then(announce(datasetId)),
    restoreVersion: (datasetId, imageId, versionId) => {
      runs.claimEdit(datasetId, imageId);
      return history.restoreVersion(datasetId, imageId, versionId).then(announce(datasetId));
    },
    undoState: (datasetId) => history.undoState(datasetId),
    imageHistory: (datasetId, imageId) => history.imageHistory(datasetId, imageId),
  };
}

/** Tells the windows and the run what a step changed. */
export function announceStep(ctx: BackendContext, runs: RunManager, datasetId: string, result: StepResult): void {
  if (result.images.length > 0) {
    // An exclusion is not a caption: the run only needs the image as it now is (it skips excluded images).
    const exclusion = EXCLUSIONS.has(result.step?.action ?? 'other') || EXCLUSIONS.has(result.step?.target ?? 'other');
    if (exclusion) runs.noteImages(datasetId, result.images);
    else for (const image of result.images) runs.noteEdit(datasetId, image);
    ctx.deps.emit('imagesUpdated', { datasetId, images: result.images });
  }
  if (result.step) ctx.deps.emit('historyChanged', { datasetId, history: result.history });
}
