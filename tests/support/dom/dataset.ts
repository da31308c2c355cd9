import { act } from '@testing-library/react';
import { userCaptionPatch } from '../../../src/core/handlers';
import { useUi } from '../../../src/renderer/src/stores/ui';
import { useWorkspace } from '../../../src/renderer/src/stores/workspace';
import {
  type DatasetManifest,
  type DatasetSettings,
  type ImageEntry,
  MANIFEST_VERSION,
} from '../../../src/shared/dataset';
import { DEFAULT_EXPORT_CHOICE } from '../../../src/shared/export-presets';
import { backend } from './fake-backend';

export const DATASET_ID = 'ds1';

export interface OpenDataset {
  /** Main's copy of the images: what setCaption wrote, what a run answered. */
  saved: Map<string, ImageEntry>;
  /** A run's caption for one image reaches the page, as main reports it (imageUpdated). */
  captionArrives(imageId: string, caption: string): void;
}

/**
 * A dataset open in the workspace, as after "Open photos". The fake backend keeps main's copy of its images and
 * answers setCaption with main's own rule for a typed caption (folded to one line, trimmed, "edited").
 */
export function openDataset(
  images: ImageEntry[],
  trigger = 'TOK',
  settings: Partial<DatasetSettings> = {},
): OpenDataset {
  const saved = new Map(images.map((image) => [image.id, image]));
  const update = (imageId: string, patch: Partial<ImageEntry>) => {
    const image = saved.get(imageId);
    if (!image) throw new Error(`Image "${imageId}" is not in this dataset.`);
    const next = { ...image, ...patch };
    saved.set(imageId, next);
    return next;
  };
  backend.answer('setCaption', (_datasetId, imageId, text) => update(imageId, userCaptionPatch(text)));
  useWorkspace.getState().load(manifest(images, trigger, settings));
  useUi.getState().setScreen('workspace');
  return {
    saved,
    captionArrives(imageId, caption) {
      const image = update(imageId, { caption, captionSource: 'model', status: 'captioned', error: null });
      act(() => backend.emit('imageUpdated', { datasetId: DATASET_ID, image }));
    },
  };
}

/** The settings a test dataset starts with: Gemini 2.5 Flash, no fallbacks, one request at a time. */
export const DATASET_SETTINGS: DatasetSettings = {
  ...{ provider: 'gemini', baseUrl: null, model: 'gemini-2.5-flash', fallbackModels: [], prompt: 'p' },
  ...{ concurrency: 1, rpm: 10, downscale: 1024 },
};

function manifest(images: ImageEntry[], trigger: string, settings: Partial<DatasetSettings>): DatasetManifest {
  return {
    version: MANIFEST_VERSION,
    id: DATASET_ID,
    name: 'Dogs',
    trigger,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    roots: ['/photos'],
    settings: { ...DATASET_SETTINGS, ...settings },
    images,
    skipped: [],
    batch: null,
    exportChoice: DEFAULT_EXPORT_CHOICE,
    trainings: [],
  };
}
