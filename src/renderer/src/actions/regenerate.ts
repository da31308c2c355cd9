import { toUiError, type UiErrorLike } from '../lib/errors';
import { isRunActive, useRun } from '../stores/run';
import { toast } from '../stores/toasts';
import { imageById, useWorkspace } from '../stores/workspace';
import { flushDrafts, saveCaption } from './captions';
import { startRun } from './run';

/**
 * Asks Gemini for a new caption for one image. The caption it replaces (typed by the user, imported or an earlier
 * answer) is offered back with "Undo" once the new one arrives, so a stray Ctrl/Cmd+R never costs written words.
 */
export async function regenerate(imageId: string): Promise<UiErrorLike | null> {
  // Saved first, so what Undo brings back is exactly what the user last typed.
  await flushDrafts();
  const datasetId = useWorkspace.getState().dataset?.id;
  const previous = imageById(useWorkspace.getState(), imageId)?.caption ?? null;
  const stopWatching = previous !== null && datasetId ? offerUndoWhenReplaced(datasetId, imageId, previous) : null;
  const err = await startRun({ only: [imageId], recaption: true });
  if (err) {
    stopWatching?.();
    if (err.kind !== 'invalid-key') toast('error', `Could not regenerate: ${err.message}`);
  }
  return err;
}

/** Watches the image until its caption changes (toast with Undo) or the run ends without a new one. */
function offerUndoWhenReplaced(datasetId: string, imageId: string, previous: string): () => void {
  const stop = () => {
    offWorkspace();
    offRun();
  };
  const offWorkspace = useWorkspace.subscribe((ws) => {
    if (ws.dataset?.id !== datasetId) return stop();
    const image = imageById(ws, imageId);
    if (!image || image.caption === previous || image.captionSource !== 'model') return;
    stop();
    const replacement = image.caption;
    toast('success', `New caption for ${image.relPath}.`, {
      label: 'Undo',
      run: () => void restoreCaption(datasetId, imageId, previous, replacement),
    });
  });
  const offRun = useRun.subscribe((run) => {
    if (!isRunActive(run)) stop();
  });
  return stop;
}

/** Brings the earlier caption back, unless the caption changed again since (an edit is never undone by this). */
async function restoreCaption(datasetId: string, imageId: string, caption: string, replacement: string | null) {
  const ws = useWorkspace.getState();
  if (ws.dataset?.id === datasetId && imageById(ws, imageId)?.caption !== replacement) {
    toast('info', 'That caption has changed since, so nothing was undone.');
    return;
  }
  try {
    await saveCaption(datasetId, imageId, caption);
  } catch (e) {
    toast('error', `Could not bring the earlier caption back: ${toUiError(e).message}`);
  }
}
