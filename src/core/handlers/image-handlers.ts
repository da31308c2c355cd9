import { foldTypedCaption } from '../../shared/caption';
import { AppError, isAppError } from '../../shared/errors';
import type { ImagePatch } from '../datasets';
import type { HistoryService } from '../history';
import type { BackendContext } from './context';
import { announceStep } from './history-handlers';
import type { RunManager } from './run-manager';
import type { Handlers } from './types';

/**
 * What a typed caption becomes. Line breaks fold into spaces (captions are one line) and the ends are trimmed;
 * everything else is kept exactly as typed, even when it breaks the format, so typing is never lost (the UI shows
 * what is wrong with captionError). Clearing the field makes the image need a caption again.
 */
export function userCaptionPatch(text: string): ImagePatch {
  const caption = foldTypedCaption(text);
  if (caption === '')
    return { caption: null, captionSource: null, status: 'new', error: null, model: null, provider: null };
  return { caption, captionSource: 'user', status: 'edited', error: null, model: null, provider: null };
}

export function imageHandlers(
  ctx: BackendContext,
  runs: RunManager,
  history: HistoryService,
): Pick<Handlers, 'setCaption' | 'setExcluded'> {
  const { store } = ctx.deps;
  return {
    async setCaption(datasetId, imageId, text) {
      const patch = userCaptionPatch(text);
      // Claim the image before writing: a run outcome queued after this point is dropped, and one queued before
      // it lands first in the dataset's write queue, so the user's line is always the last word.
      runs.claimEdit(datasetId, imageId);
      // One journal append; the store answers with the image from its cache, without re-reading the dataset.
      const updated = await store.updateImage(datasetId, imageId, patch, { action: 'typed' }).catch((e: unknown) => {
        throw isAppError(e) && e.kind === 'not-found' ? notInDataset(imageId) : e;
      });
      runs.noteEdit(datasetId, updated);
      // A typed caption is a step on the undo stack: every window's Undo now points at it.
      ctx.deps.emit('historyChanged', { datasetId, history: await history.undoState(datasetId) });
      return updated;
    },

    /** One journal line (one fsync) for any number of images: one step, undone as one. */
    async setExcluded(datasetId, imageIds, excluded) {
      announceStep(ctx, runs, datasetId, await history.setExcluded(datasetId, imageIds, excluded));
    },
  };
}

const notInDataset = (imageId: string) =>
  new AppError('not-found', `Image "${imageId}" is not in this dataset (it may have been removed).`);
