import type { z } from 'zod';
import type { RunRequest } from '../../shared/contract';
import type { ImageEntry } from '../../shared/dataset';
import { AppError, isAppError } from '../../shared/errors';
import type { RunProgress, RunSummary } from '../../shared/progress';
import { BATCH_WAITING } from '../batch';
import type { CaptionRun } from '../captioner';
import { stoppedRunSummary } from '../captioner';
import type { DatasetStore } from '../datasets';
import { captionDataset, providerFor, selectJobs } from '../workflow';
import { type BackendContext, MISSING_KEY_MESSAGE } from './context';
import { closingError } from './tasks';

type Request = z.output<typeof RunRequest>;

interface ActiveRun {
  /** Null while the key is being resolved and the dataset loaded. */
  run: CaptionRun | null;
  /** Pause or cancel asked for before `run` existed; applied as soon as it does. */
  early: { paused: boolean; cancelled: boolean };
  /** The dataset's images as the run sees them, kept current so imageUpdated carries whole, fresh entries. */
  images: Map<string, ImageEntry>;
  /** Images the user edited while the run was going: their typed caption wins over whatever the run brings. */
  editedDuringRun: Set<string>;
  jobs: number;
  last: RunProgress | null;
  startedAt: number;
  /** Resolves once the run is over and gone from the table. */
  settled: Promise<void>;
}

/**
 * One caption run per dataset at a time. Progress, every image outcome (already persisted) and the final summary
 * are pushed as events; a run that stops on an error still ends with a runFinished, so the UI never waits forever.
 */
export class RunManager {
  private readonly active = new Map<string, ActiveRun>();

  constructor(private readonly ctx: BackendContext) {}

  hasActive(): boolean {
    return this.active.size > 0;
  }

  isActive(datasetId: string): boolean {
    return this.active.has(datasetId);
  }

  /**
   * Resolves once the run has started (the key check and outcomes follow as events). `busy` says whether something
   * else captions the dataset (a batch job being uploaded).
   */
  async start(datasetId: string, request: Request, busy: (id: string) => boolean = () => false): Promise<void> {
    if (this.ctx.tasks.closing) throw closingError();
    if (this.active.has(datasetId) || busy(datasetId)) {
      throw new AppError('validation', 'A caption run is already going for this dataset. Wait for it or cancel it.');
    }
    let markSettled = () => {};
    const entry: ActiveRun = {
      ...{ run: null, early: { paused: false, cancelled: false }, images: new Map(), editedDuringRun: new Set() },
      ...{ jobs: 0, last: null, startedAt: this.ctx.clock.now() },
      settled: new Promise<void>((resolve) => {
        markSettled = resolve;
      }),
    };
    // Claimed before the first await, so two quick clicks cannot start two runs.
    this.active.set(datasetId, entry);
    let run: CaptionRun;
    try {
      const { settings, batch } = await this.ctx.deps.store.load(datasetId);
      // A batch job is captioning these images: a run over the same ones would pay twice. Named images (regenerate
      // one, retry) are the user's explicit choice and go ahead.
      if (batch && !request.only) throw new AppError('validation', BATCH_WAITING);
      const setup = await providerFor(settings, this.ctx.deps.keychain, this.ctx.env);
      if (!setup) throw new AppError('invalid-key', MISSING_KEY_MESSAGE);
      run = await captionDataset(this.trackingStore(entry, request), datasetId, {
        ...setup,
        recaption: request.recaption,
        ...(request.only ? { only: request.only } : {}),
        ...(this.ctx.deps.clock ? { clock: this.ctx.deps.clock } : {}),
        // Captioned by hand or excluded since the run started: not worth a request whose answer would be dropped.
        skip: (id) => entry.editedDuringRun.has(id) || entry.images.get(id)?.excluded === true,
        onProgress: (progress) => {
          entry.last = progress;
          this.ctx.deps.emit('runProgress', { datasetId, progress });
        },
      });
    } catch (e) {
      this.active.delete(datasetId);
      markSettled();
      throw e;
    }
    entry.run = run;
    if (entry.early.cancelled) run.cancel();
    else if (entry.early.paused) run.pause();
    void run.done
      .catch((e: unknown) => this.stoppedSummary(entry, e))
      .then((summary) => {
        // Gone from the table before the UI hears of it, so a retry started from runFinished is accepted.
        this.active.delete(datasetId);
        markSettled();
        this.ctx.deps.emit('runFinished', { datasetId, summary });
      })
      .catch((e: unknown) => this.ctx.log.error('Could not report the end of a caption run', e));
  }

  pause(datasetId: string): void {
    const entry = this.active.get(datasetId);
    if (!entry) return; // already over: nothing to pause
    if (entry.run) entry.run.pause();
    else entry.early.paused = true;
  }

  resume(datasetId: string): void {
    const entry = this.active.get(datasetId);
    if (!entry) return;
    if (entry.run) entry.run.resume();
    else entry.early.paused = false;
  }

  cancel(datasetId: string): void {
    const entry = this.active.get(datasetId);
    if (!entry) return; // a cancel racing the natural end is not an error
    if (entry.run) entry.run.cancel();
    else entry.early.cancelled = true;
  }

  /** Cancels the dataset's run, if any, and waits until it is over (captions already arrived stay saved). */
  async stop(datasetId: string): Promise<void> {
    const entry = this.active.get(datasetId);
    if (!entry) return;
    this.cancel(datasetId);
    await entry.settled;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.active.keys()].map((id) => this.stop(id)));
  }

  /** The user is saving a caption for this image: from now on the run's outcome for it is dropped. */
  claimEdit(datasetId: string, imageId: string): void {
    this.active.get(datasetId)?.editedDuringRun.add(imageId);
  }

  /** The user saved a caption: it replaces the run's view of the image and wins over the run's outcome. */
  noteEdit(datasetId: string, image: ImageEntry): void {
    const entry = this.active.get(datasetId);
    if (!entry) return;
    entry.images.set(image.id, image);
    entry.editedDuringRun.add(image.id);
  }

  /** Images changed outside the run (excluded...): later outcome events must carry those changes too. */
  noteImages(datasetId: string, images: readonly ImageEntry[]): void {
    const entry = this.active.get(datasetId);
    if (!entry) return;
    for (const image of images) entry.images.set(image.id, image);
  }

  /**
   * The dataset store as captionDataset sees it: loads record the run's images, and each outcome patch, once
   * persisted, is applied to that record and pushed as imageUpdated. Watching the store (rather than re-deriving
   * the patch from the outcome) keeps the rules of what an outcome writes in one place, captionDataset.
   */
  private trackingStore(entry: ActiveRun, request: Request): DatasetStore {
    const { store, emit } = this.ctx.deps;
    const tracking: DatasetStore = Object.create(store);
    tracking.load = async (id) => {
      const manifest = await store.load(id);
      entry.images = new Map(manifest.images.map((i) => [i.id, i]));
      entry.jobs = selectJobs(manifest.images, request).length;
      this.ctx.known.rememberDataset(manifest);
      return manifest;
    };
    tracking.updateImage = async (id, imageId, patch) => {
      // Dropped: the user's caption wins. The run ignores the answer; this is the image as the run knows it (every
      // image of the run is in the map, which was filled when the run loaded the dataset).
      if (entry.editedDuringRun.has(imageId)) return entry.images.get(imageId) as ImageEntry;
      const image = await store.updateImage(id, imageId, patch);
      // The user saved meanwhile: their line follows this one in the journal, and their caption is what shows.
      if (entry.editedDuringRun.has(imageId)) return image;
      entry.images.set(imageId, image);
      emit('imageUpdated', { datasetId: id, image });
      return image;
    };
    return tracking;
  }

  /** A run that ended on an error has no summary of its own; this one says what happened and what was done. */
  private stoppedSummary(entry: ActiveRun, e: unknown): RunSummary {
    if (!isAppError(e)) this.ctx.log.error('Caption run stopped unexpectedly', e);
    const reason = isAppError(e) ? e.message : 'The run stopped unexpectedly.';
    return stoppedRunSummary(entry.last, entry.jobs, reason, this.ctx.clock.now() - entry.startedAt);
  }
}
