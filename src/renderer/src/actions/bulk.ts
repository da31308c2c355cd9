import type { BulkEdit } from '../../../shared/bulk-edit';
import { api, unwrap } from '../api';
import { APPLIED_VERB, type BulkAction } from '../lib/bulk-form';
import { plural } from '../lib/format';
import { narrows } from '../lib/gallery-view';
import { bulkTargetIds } from '../lib/selection';
import { toast } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { visibleIds } from '../stores/visible';
import { useWorkspace } from '../stores/workspace';
import { flushDrafts } from './captions';
import { applyStepResult, keysFor, undoOrRedo } from './history';

/**
 * Applies a bulk edit as one step (one undo). Main recomputes it on the captions as they are now, so a caption
 * changed in another window since the preview is edited as it now reads, or left out if the edit would break it.
 * Throws (a UiErrorLike) for the dialog to show; nothing is saved then.
 */
export async function applyBulkEdit(edit: BulkEdit, imageIds: ReadonlyArray<string>): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset || imageIds.length === 0) return;
  // The preview was made from saved captions: a caption still being typed is saved first, then edited.
  if (!(await flushDrafts())) throw new Error('A caption you typed is not saved yet, so nothing was changed.');
  const result = await unwrap(api.applyBulkEdit(dataset.id, edit, [...imageIds]));
  applyStepResult(dataset.id, result);
  const changed = result.images.length;
  const left = result.leftOut.length;
  const message =
    changed === 0
      ? 'Nothing changed: every caption was changed since, or would have become invalid.'
      : `${APPLIED_VERB[edit.kind]} ${plural(changed, 'caption')}.${left > 0 ? ` ${plural(left, 'caption')} left as ${left === 1 ? 'it was' : 'they were'}.` : ''}`;
  toast(
    changed === 0 ? 'info' : 'success',
    message,
    changed === 0 ? undefined : { label: `Undo (${keysFor('undo')})`, run: () => void undoOrRedo('undo') },
    'undo',
  );
}

/** Opens the bulk edit dialog on what a bulk action applies to now: the selection, or everything shown. */
export function openBulkEdit(action: BulkAction = 'replace'): void {
  const s = useWorkspace.getState();
  const shown = visibleIds(s);
  const target = bulkTargetIds(s.selected, shown);
  const imageIds = [...target];
  if (imageIds.length === 0) return;
  const scope =
    target !== shown
      ? `The ${plural(imageIds.length, 'selected image')}`
      : narrows(s)
        ? `The ${plural(imageIds.length, 'image')} shown`
        : `All ${plural(imageIds.length, 'image')} of the dataset`;
  useUi.getState().open({ type: 'bulk-edit', imageIds, scope, action });
}
