import type { ImageVersion, StepResult } from '../../../shared/history';
import { api, unwrap } from '../api';
import { toUiError } from '../lib/errors';
import { IS_MAC } from '../lib/platform';
import { undoneText } from '../lib/step-text';
import { useHistory } from '../stores/history';
import { toast } from '../stores/toasts';
import { imageById, useWorkspace } from '../stores/workspace';
import { flushDrafts } from './captions';

/** The open dataset's undo and redo stacks; without them the undo buttons stay disabled (nothing is lost). */
export async function loadHistory(datasetId: string): Promise<void> {
  try {
    const state = await unwrap(api.undoState(datasetId));
    if (useWorkspace.getState().dataset?.id === datasetId) useHistory.getState().set(datasetId, state);
  } catch (e) {
    toast('error', `Undo is not available for this dataset: ${toUiError(e).message}`);
  }
}

/** Shows what a step-making call did: the changed images, and the stacks as they are now. */
export function applyStepResult(datasetId: string, result: StepResult): void {
  if (useWorkspace.getState().dataset?.id !== datasetId) return;
  useWorkspace.getState().upsertImages(result.images);
  useHistory.getState().set(datasetId, result.history);
}

/**
 * Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z across the dataset. Typed captions are saved first, so an undo never races an
 * edit still on its way; main leaves out any image changed since the step (a newer caption is never overwritten).
 */
export async function undoOrRedo(verb: 'undo' | 'redo'): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  const history = useHistory.getState();
  if (!dataset || history.busy) return;
  if ((verb === 'undo' ? history.undo : history.redo).length === 0) {
    toast('info', verb === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.', undefined, 'undo');
    return;
  }
  history.setBusy(true);
  try {
    if (!(await flushDrafts())) return;
    const result = await unwrap(verb === 'undo' ? api.undo(dataset.id) : api.redo(dataset.id));
    applyStepResult(dataset.id, result);
    if (result.step === null) {
      toast(
        'info',
        `Nothing was ${verb === 'undo' ? 'undone' : 'redone'}: every image changed since.`,
        undefined,
        'undo',
      );
      return;
    }
    const names = result.images.map((img) => img.relPath);
    const other = verb === 'undo' ? 'redo' : 'undo';
    toast(
      'success',
      undoneText(verb, result.step, names, result.leftOut.length),
      {
        label: `${other === 'undo' ? 'Undo' : 'Redo'} (${keysFor(other)})`,
        run: () => void undoOrRedo(other),
      },
      'undo',
    );
  } catch (e) {
    toast('error', `Could not ${verb}: ${toUiError(e).message}`);
  } finally {
    useHistory.getState().setBusy(false);
  }
}

export function keysFor(verb: 'undo' | 'redo'): string {
  if (verb === 'undo') return IS_MAC ? '⌘Z' : 'Ctrl+Z';
  return IS_MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z';
}

/** Every version of one image, oldest first (the last is the current one). */
export async function loadImageHistory(datasetId: string, imageId: string): Promise<ImageVersion[]> {
  return unwrap(api.imageHistory(datasetId, imageId));
}

/** Makes an earlier version current: a new step, undone like any other. */
export async function restoreVersion(imageId: string, version: ImageVersion): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) return;
  try {
    if (!(await flushDrafts())) return;
    const result = await unwrap(api.restoreVersion(dataset.id, imageId, version.id));
    applyStepResult(dataset.id, result);
    const name = imageById(useWorkspace.getState(), imageId)?.relPath ?? 'the image';
    if (result.step === null) toast('info', `${name} already is this version.`);
    else
      toast('success', `Restored an earlier version of ${name}.`, {
        label: `Undo (${keysFor('undo')})`,
        run: () => void undoOrRedo('undo'),
      });
  } catch (e) {
    toast('error', `Could not restore that version: ${toUiError(e).message}`);
  }
}
