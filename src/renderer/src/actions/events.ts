import type { RunSummary } from '../../../shared/progress';
import { api } from '../api';
import { runWho } from '../lib/model-text';
import { finishedNote } from '../lib/run-text';
import { useBatch } from '../stores/batch';
import { useExport } from '../stores/export';
import { useHistory } from '../stores/history';
import { useImporting } from '../stores/importing';
import { isRunActive, useRun } from '../stores/run';
import { toast } from '../stores/toasts';
import { useTraining } from '../stores/training';
import { openKeySettings } from '../stores/ui';
import { imageById, useWorkspace } from '../stores/workspace';
import { dropStaleDraft } from './captions';

const isOpen = (datasetId: string) => useWorkspace.getState().dataset?.id === datasetId;

/** A batch job's failed and blocked images, from its results event until its summary arrives. */
const batchFailures = new Map<string, string[]>();

/**
 * Subscribes the stores to everything main pushes (the renderer never polls). Events of a dataset that is not
 * open only update the run bar's bookkeeping. Returns the unsubscribe for all of them.
 */
export function subscribeToEvents(): () => void {
  const offs = [
    api.onImportProgress(({ datasetId, progress }) => useImporting.getState().setProgress(datasetId, progress)),

    api.onRunProgress(({ datasetId, progress }) => {
      if (useRun.getState().datasetId !== datasetId && useRun.getState().phase !== 'idle') return;
      if (useRun.getState().datasetId === null) useRun.getState().begin(datasetId, {}, []);
      useRun.getState().applyProgress(progress);
      const last = progress.lastImage;
      if (!last || !isOpen(datasetId)) return;
      const ws = useWorkspace.getState();
      ws.setTransient(last.id, last.state === 'queued' || last.state === 'captioning' ? last.state : null);
    }),

    api.onImageUpdated(({ datasetId, image }) => {
      if (!isOpen(datasetId)) return;
      const ws = useWorkspace.getState();
      const before = imageById(ws, image.id);
      if (before && ws.dataset) dropStaleDraft(before, image, ws.dataset.trigger);
      ws.upsertImage(image);
    }),

    api.onImagesUpdated(({ datasetId, images }) => {
      if (!isOpen(datasetId)) return;
      const ws = useWorkspace.getState();
      for (const image of images) {
        const before = imageById(ws, image.id);
        if (before && ws.dataset) dropStaleDraft(before, image, ws.dataset.trigger);
      }
      ws.upsertImages(images);
    }),

    api.onHistoryChanged(({ datasetId, history }) => {
      if (isOpen(datasetId)) useHistory.getState().set(datasetId, history);
    }),

    api.onRunFinished(({ datasetId, summary }) => {
      const run = useRun.getState();
      if (run.datasetId !== datasetId) {
        // A batch job ended (this page did not start a run for it): shown like a run, unless another run is going.
        if (isRunActive(run)) return;
        run.begin(datasetId, {}, []);
      }
      useRun.getState().finish(summary, batchFailures.get(datasetId));
      batchFailures.delete(datasetId);
      if (isOpen(datasetId)) useWorkspace.getState().clearTransient();
      announce(summary);
    }),

    api.onBatchUpdated(({ datasetId, batch, images }) => {
      useBatch.getState().set(datasetId, batch);
      if (images) {
        // For "Show failed" and "Retry failed" in the summary that follows (runFinished).
        batchFailures.set(
          datasetId,
          images.filter((i) => i.status === 'failed' || i.status === 'blocked').map((i) => i.id),
        );
      }
      if (!images || !isOpen(datasetId)) return;
      const ws = useWorkspace.getState();
      for (const image of images) {
        const before = imageById(ws, image.id);
        if (before && ws.dataset) dropStaleDraft(before, image, ws.dataset.trigger);
      }
      ws.upsertImages(images);
    }),

    api.onExportProgress(({ datasetId, progress }) => {
      if (isOpen(datasetId)) useExport.getState().progress(progress);
    }),

    api.onTrainingUpdated(({ datasetId, training }) => useTraining.getState().update(datasetId, training)),
  ];
  return () => {
    for (const off of offs) off();
  };
}

/** The run bar shows the full summary; a toast says the headline, and a key problem opens Settings. */
function announce(summary: RunSummary): void {
  if (summary.status === 'invalid-key') {
    openKeySettings(summary.message ?? 'The API key was rejected. Paste a valid key to continue.');
    return;
  }
  if (summary.status === 'completed') {
    // One "run finished" note at a time: a retry's summary replaces the previous run's instead of stacking on it.
    const tone = summary.failed + summary.blocked > 0 ? 'info' : 'success';
    const settings = useWorkspace.getState().dataset?.settings;
    toast(tone, finishedNote(summary, runWho(settings, undefined).local), undefined, 'run-finished');
  }
}
