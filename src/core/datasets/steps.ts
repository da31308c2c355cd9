import { randomBytes } from 'node:crypto';
import type { DatasetManifest, ImageEntry } from '../../shared/dataset';
import type { StepAction } from '../../shared/history';
import type { HistoryEntry } from './history-file';
import type { ImagePatch, JournalChange, StepMeta } from './journal';

/** Who makes a step. Writers that say nothing get one derived from the patch (see `originOf`). */
export interface StepOrigin {
  action: StepAction;
  model?: string | null;
  /** For undo and redo: the step acted on. */
  target?: string | null;
}

export interface PlannedChange {
  imageId: string;
  patch: ImagePatch;
}

export interface StepPlan {
  origin: StepOrigin;
  changes: PlannedChange[];
}

/** What `commitStep` hands its planner: the images as they are now, inside the dataset's write lock. */
export interface DatasetView {
  trigger: string;
  image(imageId: string): ImageEntry | undefined;
  /** Every recorded step, oldest first (read on demand: the history is never loaded with the dataset). */
  history(): Promise<HistoryEntry[]>;
}

export interface CommittedStep {
  entry: HistoryEntry;
  /** The changed images as they now are. */
  images: ImageEntry[];
}

/**
 * The origin of a patch whose writer did not say: a user caption is typed, a model caption names its model, an
 * exclusion alone is exclude/include; anything else (a failure noted, a status) has no author worth showing.
 */
export function originOf(patch: ImagePatch): StepOrigin {
  if (patch.captionSource === 'user' || (patch.caption === null && patch.captionSource === null)) {
    return { action: 'typed' };
  }
  if (patch.captionSource === 'model') return { action: 'model', model: patch.model ?? null };
  const keys = Object.keys(patch);
  if (keys.length === 1 && keys[0] === 'excluded') return { action: patch.excluded ? 'exclude' : 'include' };
  return { action: 'other' };
}

/** `mb3k2x1a-7f3e9c2b`: time first (steps sort by id within one writer), random after (two writers never clash). */
function newStepId(now: number): string {
  return `${now.toString(36)}-${randomBytes(4).toString('hex')}`;
}

export function stepMeta(origin: StepOrigin, now: number): StepMeta {
  return { id: newStepId(now), action: origin.action, model: origin.model ?? null, target: origin.target ?? null };
}

const PATCH_FIELDS = ['caption', 'captionSource', 'status', 'error', 'excluded', 'model', 'provider'] as const;

/** The patch with the fields' earlier values beside it; fields that would not change are dropped. */
export function changeOf(image: ImageEntry, patch: ImagePatch): JournalChange | null {
  const next: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  for (const field of PATCH_FIELDS) {
    if (!(field in patch) || patch[field] === image[field]) continue;
    next[field] = patch[field];
    before[field] = image[field];
  }
  return Object.keys(next).length === 0 ? null : { image: image.id, patch: next, before };
}

/** The same for a whole patch written unconditionally (every field kept, so a journal line replays as before). */
export function changeWithBefore(image: ImageEntry, patch: ImagePatch): JournalChange {
  const before: Record<string, unknown> = {};
  for (const field of PATCH_FIELDS) if (field in patch) before[field] = image[field];
  return { image: image.id, patch, before };
}

/**
 * The caption and exclusion changes a whole-manifest write makes (an import, a batch job's results, a writer
 * that rewrites the manifest): recorded as one step like any other, so no writer can change a caption outside the
 * history. A changed caption carries who wrote it (source, model, status) even where those did not change, so its
 * version names its author.
 */
export function manifestDiff(previous: DatasetManifest, next: DatasetManifest): JournalChange[] {
  const earlier = new Map(previous.images.map((i) => [i.id, i]));
  const changes: JournalChange[] = [];
  for (const image of next.images) {
    const old = earlier.get(image.id);
    if (!old || (old.caption === image.caption && old.excluded === image.excluded)) continue;
    const change = old.caption === image.caption ? changeOf(old, image) : changeWithBefore(old, authorOf(image));
    if (change) changes.push(change);
  }
  return changes;
}

const authorOf = (i: ImageEntry): ImagePatch => ({
  ...{ caption: i.caption, captionSource: i.captionSource, status: i.status, error: i.error },
  ...{ excluded: i.excluded, model: i.model, provider: i.provider },
});

/** Who made a manifest write's changes: a model when every changed caption is a model's (a batch's results). */
export function diffOrigin(changes: readonly JournalChange[]): StepOrigin {
  const captions = changes.filter((c) => 'caption' in c.patch);
  if (captions.length === 0 || captions.some((c) => c.patch.captionSource !== 'model')) return { action: 'other' };
  const models = new Set(captions.map((c) => c.patch.model ?? null));
  return { action: 'model', model: models.size === 1 ? [...models][0] : null };
}
