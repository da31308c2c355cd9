import type { ImageEntry } from '../../shared/dataset';
import { type ImageVersion, ORIGINAL_VERSION } from '../../shared/history';
import type { HistoryEntry, ImagePatch } from '../datasets';

/**
 * An image's caption versions, oldest first, rebuilt from the steps that changed its caption: the original (the
 * caption before the first recorded step, when known) and then each step's caption with who wrote it.
 */

/** A version with what restoring it needs (who wrote the caption, its status), not only what the page shows. */
export interface StoredVersion extends ImageVersion {
  patch: ImagePatch;
}

export function imageVersions(entries: ReadonlyArray<HistoryEntry>, image: ImageEntry): StoredVersion[] {
  const versions: StoredVersion[] = [];
  let excluded: boolean | null = null;
  for (const entry of entries) {
    for (const change of entry.changes) {
      if (change.image !== image.id) continue;
      if (excluded === null) excluded = change.before.excluded ?? image.excluded;
      if (change.patch.excluded !== undefined) excluded = change.patch.excluded;
      if (!('caption' in change.patch) || change.patch.caption === change.before.caption) continue;
      if (versions.length === 0 && 'caption' in change.before) {
        versions.push(version(ORIGINAL_VERSION, null, null, null, change.before, change.before.excluded ?? excluded));
      }
      const model = change.patch.model ?? entry.step.model;
      versions.push(version(entry.step.id, entry.at, entry.step.action, model, change.patch, excluded));
    }
  }
  if (versions.length === 0) {
    versions.push(version(ORIGINAL_VERSION, null, null, image.model, image, image.excluded));
  }
  const last = versions.at(-1);
  if (last && last.caption === image.caption) last.current = true;
  return versions;
}

function version(
  id: string,
  at: string | null,
  action: ImageVersion['action'],
  model: string | null,
  fields: ImagePatch,
  excluded: boolean | null,
): StoredVersion {
  const caption = fields.caption ?? null;
  return {
    id,
    at,
    action,
    model: model ?? fields.model ?? null,
    caption,
    excluded: excluded ?? false,
    current: false,
    patch: restorePatch(caption, fields),
  };
}

/** What makes a version current again: its caption, who wrote it and the status that goes with it. */
function restorePatch(caption: string | null, fields: ImagePatch): ImagePatch {
  if (caption === null) {
    return { caption: null, captionSource: null, status: 'new', error: null, model: null, provider: null };
  }
  const captionSource = fields.captionSource ?? 'user';
  return {
    caption,
    captionSource,
    status: captionSource === 'model' || captionSource === 'imported' ? 'captioned' : 'edited',
    error: null,
    model: captionSource === 'model' ? (fields.model ?? null) : null,
    provider: captionSource === 'model' ? (fields.provider ?? null) : null,
  };
}

/** The page's view of a version (without the restore patch). */
export function publicVersion({ patch: _, ...v }: StoredVersion): ImageVersion {
  return v;
}
