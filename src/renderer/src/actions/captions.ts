import { api, unwrap } from '../api';
import { isRealEdit } from '../lib/caption-stats';
import { toUiError } from '../lib/errors';
import { useDrafts } from '../stores/drafts';
import { toast } from '../stores/toasts';
import { imageById, useWorkspace } from '../stores/workspace';

/**
 * Saves one image's draft. The draft is only dropped once the main process confirmed exactly that text, so a
 * failed save (or typing during the save) never loses a word; the error is shown under the field.
 */
export async function saveDraft(id: string, opts: { keepUntouched?: boolean } = {}): Promise<boolean> {
  const drafts = useDrafts.getState();
  const text = drafts.drafts[id];
  const ws = useWorkspace.getState();
  const session = ws.session;
  const image = imageById(ws, id);
  if (text === undefined || !session) return true;
  if (image && !isRealEdit(text, image.caption, session.trigger)) {
    // A field that only holds the starter prefix stays as it is while the user may still be typing into it.
    if (!opts.keepUntouched) drafts.settle(id, text);
    return true;
  }
  drafts.setSaving(id, true);
  try {
    const saved = await unwrap(api.setCaption(session.id, id, text));
    if (useWorkspace.getState().session?.id === session.id) useWorkspace.getState().upsertImage(saved);
    useDrafts.getState().settle(id, text);
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
export async function flushDrafts(opts: { keepUntouched?: boolean } = {}): Promise<boolean> {
  const ids = Object.keys(useDrafts.getState().drafts);
  const results = await Promise.all(ids.map((id) => saveDraft(id, opts)));
  return results.every(Boolean);
}

/** Whether any draft holds real typing not yet saved (a field with only the starter prefix does not count). */
export function hasUnsavedEdits(): boolean {
  const ws = useWorkspace.getState();
  const trigger = ws.session?.trigger ?? '';
  return Object.entries(useDrafts.getState().drafts).some(([id, text]) => {
    const image = imageById(ws, id);
    return image !== undefined && isRealEdit(text, image.caption, trigger);
  });
}
