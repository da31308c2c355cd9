import type { ImageEntry } from '../../../shared/dataset';
import { api, unwrap } from '../api';
import { isRealEdit } from '../lib/caption-stats';
import { toUiError } from '../lib/errors';
import { useDrafts } from '../stores/drafts';
import { toast } from '../stores/toasts';
import { imageById, useWorkspace } from '../stores/workspace';
import { releaseFromBatch } from './batch';

/** Writes one caption and shows the saved image, if its dataset is still the one open. */
export async function saveCaption(datasetId: string, imageId: string, text: string): Promise<ImageEntry> {
  const saved = await unwrap(api.setCaption(datasetId, imageId, text));
  if (useWorkspace.getState().dataset?.id === datasetId) useWorkspace.getState().upsertImage(saved);
  if (saved.captionSource === 'user') releaseFromBatch(datasetId, [imageId]);
  return saved;
}

/**
 * Saves one image's draft. The draft is only dropped once the main process confirmed exactly that text, so a
 * failed save (or typing during the save) never loses a word; the error is shown under the field.
 * `whileTyping`: the save happens while the user may still be typing (a pause, the page closing), so the field's
 * text is left exactly as it is, even a starter-only or untrimmed one.
 */
export async function saveDraft(id: string, opts: { whileTyping?: boolean } = {}): Promise<boolean> {
  const drafts = useDrafts.getState();
  const text = drafts.drafts[id];
  const ws = useWorkspace.getState();
  const dataset = ws.dataset;
  const image = imageById(ws, id);
  if (text === undefined || !dataset) return true;
  if (image && !isRealEdit(text, image.caption, dataset.trigger)) {
    // A field that only holds the starter prefix stays as it is while the user may still be typing into it.
    if (!opts.whileTyping) drafts.settle(id, text);
    return true;
  }
  drafts.setSaving(id, true);
  try {
    const saved = await saveCaption(dataset.id, id, text);
    // A save while the user may still be typing (idle save) keeps the text exactly as typed in the field: the
    // saved form is trimmed, and swapping it in would drop the space before the word being typed next.
    if (opts.whileTyping && saved.caption !== text) useDrafts.getState().setError(id, null);
    else useDrafts.getState().settle(id, text);
    return true;
  } catch (e) {
    const message = toUiError(e).message;
    useDrafts.getState().setError(id, message);
    toast(
      'error',
      `Caption for ${image?.relPath ?? 'an image'} was not saved: ${message}. It is kept here; try again.`,
    );
    return false;
  } finally {
    useDrafts.getState().setSaving(id, false);
  }
}

/** Saves every pending draft (before navigation away, runs, exports and closing). True when all saved. */
export async function flushDrafts(opts: { whileTyping?: boolean } = {}): Promise<boolean> {
  const ids = Object.keys(useDrafts.getState().drafts);
  const results = await Promise.all(ids.map((id) => saveDraft(id, opts)));
  return results.every(Boolean);
}

/**
 * A new caption arrived from elsewhere (a run): a draft that was no real change against the caption it replaces
 * (a starter-only field, text typed back to what it was) goes, or it would count as an edit against the new one
 * and overwrite a caption that was paid for.
 */
export function dropStaleDraft(before: ImageEntry, after: ImageEntry, trigger: string): void {
  const draft = useDrafts.getState().drafts[after.id];
  if (draft === undefined || before.caption === after.caption) return;
  if (!isRealEdit(draft, before.caption, trigger)) useDrafts.getState().settle(after.id, draft);
}

/** Whether any draft holds real typing not yet saved (a field with only the starter prefix does not count). */
export function hasUnsavedEdits(): boolean {
  const ws = useWorkspace.getState();
  const trigger = ws.dataset?.trigger ?? '';
  return Object.entries(useDrafts.getState().drafts).some(([id, text]) => {
    const image = imageById(ws, id);
    return image !== undefined && isRealEdit(text, image.caption, trigger);
  });
}
