import type { ImageEntry } from '../../../shared/session';
import { isRealEdit } from './caption-stats';

/**
 * A copy of the unsaved drafts in the page's localStorage, per dataset, so text typed in the last moments before
 * a crash, a failed save or a forced quit is offered back the next time the dataset opens. The journal on disk
 * remains the record; this only covers the gap between a keystroke and its save.
 */

const PREFIX = 'caption-studio:drafts:';

/** The subset of Storage used here, so tests can pass an in-memory one. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: drafts still live in memory and are saved as usual
  }
}

export function backupDrafts(sessionId: string, drafts: Readonly<Record<string, string>>, store = storage()): void {
  if (!store) return;
  try {
    if (Object.keys(drafts).length === 0) store.removeItem(PREFIX + sessionId);
    else store.setItem(PREFIX + sessionId, JSON.stringify(drafts));
  } catch {
    // Quota or a closed store: the in-memory draft and the normal save path are unaffected.
  }
}

/** The backed-up drafts that still say something new about an image of the dataset as it is now. */
export function restorableDrafts(
  sessionId: string,
  images: ReadonlyArray<ImageEntry>,
  trigger: string,
  store = storage(),
): Record<string, string> {
  let saved: unknown = null;
  try {
    saved = JSON.parse(store?.getItem(PREFIX + sessionId) ?? 'null');
  } catch {
    return {};
  }
  if (typeof saved !== 'object' || saved === null) return {};
  const byId = new Map(images.map((i) => [i.id, i]));
  const restored: Record<string, string> = {};
  for (const [id, text] of Object.entries(saved)) {
    const image = byId.get(id);
    if (typeof text === 'string' && image && isRealEdit(text, image.caption, trigger)) restored[id] = text;
  }
  return restored;
}
