import { captionError } from '../../shared/caption';
import type { ImageEntry } from '../../shared/dataset';
import { selectRunImages } from '../../shared/run-selection';
import {
  type CaptionJob,
  type CaptionOutcome,
  type CaptionProvider,
  type CaptionRun,
  type RunProgress,
  startCaptionRun,
} from '../captioner';
import type { DatasetStore, ImagePatch } from '../datasets';
import type { Clock } from '../ports';

export interface CaptionDatasetOptions {
  provider: CaptionProvider;
  /** The key the provider uses, so no message the run reports can carry it. */
  secret?: string;
  /** Caption images that already have a caption too (user edits included). */
  recaption?: boolean;
  /** Restrict the run to these image ids (regenerate one, retry the failed...). */
  only?: ReadonlyArray<string>;
  clock?: Clock;
  signal?: AbortSignal;
  /** Leave an image out when its turn comes (see RunOptions.skip). */
  skip?: (id: string) => boolean;
  onProgress?: (p: RunProgress) => void;
  onOutcome?: (o: CaptionOutcome) => void;
}

/** Which images a run sends to the model (the rule lives in shared so the UI marks the same ones queued). */
export const selectJobs = selectRunImages;

/**
 * Captions a dataset's images, persisting each outcome the moment it arrives (one journal line), so a crash or
 * quit loses nothing and the next run continues with what is left.
 */
export async function captionDataset(
  store: DatasetStore,
  datasetId: string,
  opts: CaptionDatasetOptions,
): Promise<CaptionRun> {
  const manifest = await store.load(datasetId);
  const jobs: CaptionJob[] = selectJobs(manifest.images, opts).map((i) => ({
    id: i.id,
    source: i.source,
    format: i.format,
  }));
  const byId = new Map(manifest.images.map((i) => [i.id, i]));
  return startCaptionRun({
    provider: opts.provider,
    ...(opts.secret ? { secret: opts.secret } : {}),
    trigger: manifest.trigger,
    settings: manifest.settings,
    jobs,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.skip ? { skip: opts.skip } : {}),
    onOutcome: async (o) => {
      await store.updateImage(
        datasetId,
        o.id,
        o.status === 'captioned'
          ? {
              ...{ caption: o.caption, captionSource: 'model', status: 'captioned', error: null },
              ...{ model: o.model, provider: opts.provider.name },
            }
          : failurePatch(o, byId.get(o.id), manifest.trigger),
      );
      opts.onOutcome?.(o);
    },
  });
}

/** A failed recaption must not erase a good caption: the image keeps it and its status, and notes the error. */
function failurePatch(
  o: Extract<CaptionOutcome, { status: 'failed' | 'blocked' }>,
  before: ImageEntry | undefined,
  trigger: string,
): ImagePatch {
  if (before && captionError(before.caption, trigger) === null) return { error: o.error };
  return { status: o.status, error: o.error };
}
