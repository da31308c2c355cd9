import type { RunSummary } from '../../../shared/progress';
import { api } from '../api';
import { finishedNote } from '../lib/run-text';
import { useExport } from '../stores/export';
import { useImporting } from '../stores/importing';
import { useRun } from '../stores/run';
import { toast } from '../stores/toasts';
import { openKeySettings } from '../stores/ui';
import { imageById, useWorkspace } from '../stores/workspace';
import { dropStaleDraft } from './captions';

const isOpen = (sessionId: string) => useWorkspace.getState().session?.id === sessionId;

/**
 * Subscribes the stores to everything main pushes (the renderer never polls). Events of a dataset that is not
 * open only update the run bar's bookkeeping. Returns the unsubscribe for all of them.
 */
export function subscribeToEvents(): () => void {
  const offs = [
    api.onImportProgress(({ sessionId, progress }) => useImporting.getState().setProgress(sessionId, progress)),

    api.onRunProgress(({ sessionId, progress }) => {
      if (useRun.getState().sessionId !== sessionId && useRun.getState().phase !== 'idle') return;
      if (useRun.getState().sessionId === null) useRun.getState().begin(sessionId, {}, []);
      useRun.getState().applyProgress(progress);
      const last = progress.lastImage;
      if (!last || !isOpen(sessionId)) return;
      const ws = useWorkspace.getState();
      ws.setTransient(last.id, last.state === 'queued' || last.state === 'captioning' ? last.state : null);
    }),

    api.onImageUpdated(({ sessionId, image }) => {
      if (!isOpen(sessionId)) return;
      const ws = useWorkspace.getState();
      const before = imageById(ws, image.id);
      if (before && ws.session) dropStaleDraft(before, image, ws.session.trigger);
      ws.upsertImage(image);
    }),

    api.onRunFinished(({ sessionId, summary }) => {
      if (useRun.getState().sessionId !== sessionId) return;
      useRun.getState().finish(summary);
      if (isOpen(sessionId)) useWorkspace.getState().clearTransient();
      announce(summary);
    }),

    api.onExportProgress(({ sessionId, progress }) => {
      if (isOpen(sessionId)) useExport.getState().progress(progress);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}

/** The run bar shows the full summary; a toast says the headline, and a key problem opens Settings. */
function announce(summary: RunSummary): void {
  if (summary.status === 'invalid-key') {
    openKeySettings(summary.message ?? 'Gemini rejected the API key. Paste a valid key to continue.');
    return;
  }
  if (summary.status === 'completed') {
    // One "run finished" note at a time: a retry's summary replaces the previous run's instead of stacking on it.
    const tone = summary.failed + summary.blocked > 0 ? 'info' : 'success';
    toast(tone, finishedNote(summary), undefined, 'run-finished');
  }
}
