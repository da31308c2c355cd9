import type { ImageEntry } from '../../../shared/dataset';
import { isRealEdit } from './caption-stats';

/**
 * A copy of the unsaved drafts in the page's localStorage, per dataset, so text typed in the last moments before
 * a crash, a failed save or a forced quit is offered back the next time the dataset opens. The journal on disk
 * remains the record; this only covers the gap between a keystroke and its save. Each draft is kept with the
 * caption it was typed over, and comes back only while that caption is still the saved one: a newer caption
 * (a run, the CLI) is never overwritten by older typing.
 */

const PREFIX = 'caption-studio:drafts:';

/** The subset of Storage used here, so tests can pass an in-memory one. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface BackedUp {
  text: string;
  /** The saved caption the text was typed over. */
  base: string | null;
}

function storage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: drafts still live in memory and are saved as usual
  }
}

/** Mirrors the drafts that are real edits of `images` (the rest would only ever be noise to restore). */
export function backupDrafts(
  datasetId: string,
  drafts: Readonly<Record<string, string>>,
  images: { get(id: string): ImageEntry | undefined },
  trigger: string,
  store = storage(),
): void {
  if (!store) return;
  const kept: Record<string, BackedUp> = {};
  for (const [id, text] of Object.entries(drafts)) {
    const base = images.get(id)?.caption;
    if (base !== undefined && isRealEdit(text, base, trigger)) kept[id] = { text, base };
  }
  try {
    if (Object.keys(kept).length === 0) store.removeItem(PREFIX + datasetId);
    else store.setItem(PREFIX + datasetId, JSON.stringify(kept));
  } catch {
    // Quota or a closed store: the in-memory draft and the normal save path are unaffected.
  }
}

/** A deleted dataset's backup goes with it. */
export function forgetDraftBackup(datasetId: string, store = storage()): void {
  try {
    store?.removeItem(PREFIX + datasetId);
  } catch {
    // nothing to forget
  }
}

/**
 * The backed-up drafts still worth bringing back: the image exists, its caption is still the one the text was
 * typed over, and the text changes it. The backup is consumed: what comes back is mirrored again as it is edited.
 */
export function takeRestorableDrafts(
  datasetId: string,
  images: ReadonlyArray<ImageEntry>,
  trigger: string,
  store = storage(),
): Record<string, string> {
  let saved: unknown = null;
  try {
    saved = JSON.parse(store?.getItem(PREFIX + datasetId) ?? 'null');
    store?.removeItem(PREFIX + datasetId);
  } catch {
    return {};
  }
  if (typeof saved !== 'object' || saved === null) return {};
  const byId = new Map(images.map((i) => [i.id, i]));
  const restored: Record<string, string> = {};
  for (const [id, entry] of Object.entries(saved)) {
    const image = byId.get(id);
    if (!image || !isBackedUp(entry) || entry.base !== image.caption) continue;
    if (isRealEdit(entry.text, image.caption, trigger)) restored[id] = entry.text;
  }
  return restored;
}

function isBackedUp(v: unknown): v is BackedUp {
  if (typeof v !== 'object' || v === null) return false;
  const { text, base } = v as Record<string, unknown>;
  return typeof text === 'string' && (typeof base === 'string' || base === null);
}
