import { type BulkEdit, planBulkEdit } from '../../shared/bulk-edit';
import { AppError } from '../../shared/errors';
import type { ImageVersion, LeftOutImage, StepResult } from '../../shared/history';
import type { CommittedStep, DatasetStore, DatasetView, HistoryEntry, ImagePatch, PlannedChange } from '../datasets';
import { summarise, undoStacks, undoState } from './stacks';
import { imageVersions, publicVersion } from './versions';

/**
 * Undo, redo, restore and bulk edits over the store's recorded steps. Each is planned inside the store's write
 * lock (`commitStep`) against the images as they are at that moment, so an undo never writes over a caption
 * changed since by another window, the CLI or a run: it changes an image only where the image is still exactly
 * what the undone step left, and lists the others.
 */
export interface HistoryService {
  applyBulkEdit(datasetId: string, edit: BulkEdit, imageIds: readonly string[]): Promise<StepResult>;
  setExcluded(datasetId: string, imageIds: readonly string[], excluded: boolean): Promise<StepResult>;
  undo(datasetId: string): Promise<StepResult>;
  redo(datasetId: string): Promise<StepResult>;
  restoreVersion(datasetId: string, imageId: string, versionId: string): Promise<StepResult>;
  undoState(datasetId: string): Promise<StepResult['history']>;
  imageHistory(datasetId: string, imageId: string): Promise<ImageVersion[]>;
}

export function createHistoryService(store: DatasetStore): HistoryService {
  /** Commits what `plan` decides and reports it with the stacks as they now are. */
  async function step(
    datasetId: string,
    plan: (view: DatasetView, leftOut: LeftOutImage[]) => Promise<PlanOut | null> | PlanOut | null,
  ): Promise<StepResult> {
    const leftOut: LeftOutImage[] = [];
    const committed: CommittedStep | null = await store.commitStep(datasetId, (view) => plan(view, leftOut));
    const entries = await store.history(datasetId);
    const actions = new Map(entries.map((e) => [e.step.id, e.step.action]));
    return {
      step: committed ? summarise(committed.entry, actions) : null,
      images: committed?.images ?? [],
      leftOut,
      history: undoState(entries),
    };
  }

  return {
    applyBulkEdit: (datasetId, edit, imageIds) =>
      step(datasetId, (view, leftOut) => {
        const images = imageIds.map((id) => ({ id, caption: imageOf(view, id).caption }));
        const plan = planBulkEdit(images, edit, view.trigger);
        if (!plan.ok) throw new AppError('validation', plan.error);
        leftOut.push(...plan.leftOut.map(({ imageId, reason }) => ({ imageId, reason })));
        const changes = plan.changes.map(({ imageId, after }) => ({ imageId, patch: typedPatch(after) }));
        return { origin: { action: `bulk-${edit.kind}` }, changes };
      }),

    setExcluded: (datasetId, imageIds, excluded) =>
      step(datasetId, (view) => {
        for (const id of imageIds) imageOf(view, id);
        const changes = imageIds.map((imageId) => ({ imageId, patch: { excluded } }));
        return { origin: { action: excluded ? 'exclude' : 'include' }, changes };
      }),

    undo: (datasetId) =>
      step(datasetId, async (view, leftOut) => {
        const target = undoStacks(await view.history()).undo.at(-1);
        if (!target) return null;
        const changes = reapply(view, target, 'patch', 'before', leftOut);
        return { origin: { action: 'undo', target: target.step.id }, changes };
      }),

    redo: (datasetId) =>
      step(datasetId, async (view, leftOut) => {
        const target = undoStacks(await view.history()).redo.at(-1);
        if (!target) return null;
        const changes = reapply(view, target, 'before', 'patch', leftOut);
        return { origin: { action: 'redo', target: target.step.id }, changes };
      }),

    restoreVersion: (datasetId, imageId, versionId) =>
      step(datasetId, async (view) => {
        const image = imageOf(view, imageId);
        const version = imageVersions(await view.history(), image).find((v) => v.id === versionId);
        if (!version) throw new AppError('not-found', 'That version of the caption is no longer in the history.');
        return { origin: { action: 'restore' }, changes: [{ imageId, patch: version.patch }] };
      }),

    async undoState(datasetId) {
      return undoState(await store.history(datasetId));
    },

    async imageHistory(datasetId, imageId) {
      const manifest = await store.load(datasetId);
      const image = manifest.images.find((i) => i.id === imageId);
      if (!image) throw notInDataset(imageId);
      return imageVersions(await store.history(datasetId), image).map(publicVersion);
    },
  };
}

interface PlanOut {
  origin: { action: HistoryEntry['step']['action']; target?: string };
  changes: PlannedChange[];
}

/** A caption the user made (by hand or with a bulk edit): it counts as edited, whoever wrote the text before. */
function typedPatch(caption: string): ImagePatch {
  return { caption, captionSource: 'user', status: 'edited', error: null, model: null, provider: null };
}

/**
 * The patches that take the step's images from one side to the other (undo: from `patch` back to `before`;
 * redo: the reverse), for the images still exactly as that side says (caption and exclusion); the others are
 * left out with the reason.
 */
function reapply(
  view: DatasetView,
  target: HistoryEntry,
  expected: 'patch' | 'before',
  wanted: 'patch' | 'before',
  leftOut: LeftOutImage[],
): PlannedChange[] {
  const changes: PlannedChange[] = [];
  for (const change of target.changes) {
    const image = view.image(change.image);
    if (!image) {
      leftOut.push({ imageId: change.image, reason: 'The image is no longer in the dataset.' });
      continue;
    }
    const side = change[expected];
    const moved = (['caption', 'excluded'] as const).some((f) => f in side && side[f] !== image[f]);
    if (moved) {
      leftOut.push({ imageId: change.image, reason: 'Changed since (in another window, by the CLI or a run): kept.' });
      continue;
    }
    changes.push({ imageId: change.image, patch: change[wanted] });
  }
  return changes;
}

function imageOf(view: DatasetView, imageId: string) {
  const image = view.image(imageId);
  if (!image) throw notInDataset(imageId);
  return image;
}

const notInDataset = (imageId: string) =>
  new AppError('not-found', `Image "${imageId}" is not in this dataset (it may have been removed).`);
