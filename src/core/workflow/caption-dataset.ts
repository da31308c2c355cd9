import { selectRunImages } from '../../shared/run-selection';
import {
  type CaptionJob,
  type CaptionOutcome,
  type CaptionProvider,
  type CaptionRun,
  type RunProgress,
  startCaptionRun,
} from '../captioner';
import type { DatasetStore } from '../datasets';
import type { Clock } from '../ports';
import { outcomePatch } from './outcome-patch';

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
      await store.updateImage(datasetId, o.id, outcomePatch(o, byId.get(o.id), manifest.trigger, opts.provider.name));
      opts.onOutcome?.(o);
    },
  });
}
