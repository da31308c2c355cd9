import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { SkippedFile } from '../../shared/dataset';
import { AppError } from '../../shared/errors';
import { applyBatchSharpSettings } from '../images';
import { processFile } from './process-file';
import { readSidecar } from './sidecar';
import { unreadable } from './skip';
import type { ImportedImage, ImportOptions, ImportResult } from './types';
import { type WalkedFile, walkRoots } from './walk';
import { raceAbort, runWorkers, WorkQueue } from './work-queue';

/**
 * Import orchestration: walk the dropped paths, process files on all cores with bounded memory, attach sidecar
 * captions, and report every file that was not imported. Only `concurrency` images are ever decoded at once.
 */

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

class ImportRun {
  readonly images: ImportedImage[] = [];
  readonly skipped: SkippedFile[] = [];
  /** Folder+stem of every image imported now or before: a .txt with that stem is its caption, not a file. */
  readonly captionedStems = new Set<string>();
  /** .txt files that may be captions; settled once all images are done. */
  readonly possibleCaptions: WalkedFile[] = [];
  /** Sidecars that exist but could not be read, reported instead of being silently dropped. */
  readonly unreadableSidecars = new Map<string, SkippedFile>();
  done = 0;
  walking = true;

  constructor(
    readonly opts: ImportOptions,
    readonly queue: WorkQueue<WalkedFile>,
    readonly cancelled: AbortSignal,
  ) {}

  progress(current?: string): void {
    const phase = this.walking ? 'scanning' : 'processing';
    this.opts.onProgress?.({ phase, done: this.done, total: this.queue.size, current });
  }

  async walk(paths: readonly string[]): Promise<void> {
    try {
      for await (const event of walkRoots(paths, this.cancelled)) {
        if (event.kind === 'skipped') this.skipped.push(event.skipped);
        else if (event.file.isCaptionCandidate) this.possibleCaptions.push(event.file);
        else this.queue.push(event.file);
      }
    } finally {
      this.walking = false;
      this.queue.close();
    }
    this.progress();
  }

  async work(): Promise<void> {
    for (let file = await this.queue.take(); file; file = await this.queue.take()) {
      this.cancelled.throwIfAborted();
      await this.importFile(file);
      this.done++;
      this.progress(file.relPath);
    }
  }

  private async importFile(file: WalkedFile): Promise<void> {
    const known = this.opts.knownSources;
    if (known?.has(file.path) || known?.has(file.realPath)) {
      this.captionedStems.add(file.stemKey);
      return;
    }
    const outcome = await processFile(file, this.opts.thumbsDir);
    if (outcome.kind === 'skipped') {
      this.skipped.push(outcome.skipped);
      return;
    }
    this.captionedStems.add(file.stemKey);
    let sidecarCaption: string | null = null;
    if (file.sidecar) {
      try {
        sidecarCaption = await readSidecar(file.sidecar);
      } catch (err) {
        this.unreadableSidecars.set(file.sidecar, unreadable(file.sidecar, err));
      }
    }
    this.images.push({ ...outcome.image, sidecarCaption });
  }

  /** A .txt whose image was imported is consumed; any other .txt is judged as an ordinary file. */
  async settleCaptionFiles(): Promise<void> {
    for (const file of this.possibleCaptions) {
      this.cancelled.throwIfAborted();
      const failure = this.unreadableSidecars.get(file.path);
      if (failure) this.skipped.push(failure);
      else if (!this.captionedStems.has(file.stemKey)) {
        const outcome = await processFile(file, this.opts.thumbsDir);
        if (outcome.kind === 'image') this.images.push({ ...outcome.image, sidecarCaption: null });
        else if (outcome.skipped.reason !== 'not-an-image') this.skipped.push(outcome.skipped);
        else this.skipped.push({ ...outcome.skipped, message: 'Caption file of an image that was not imported.' });
      }
    }
  }

  result(): ImportResult {
    return {
      images: this.images.sort(byKey((i) => `${i.relPath}\0${i.source}`)),
      skipped: this.skipped.sort(byKey((s) => s.path)),
    };
  }
}

export async function importPaths(paths: string[], opts: ImportOptions): Promise<ImportResult> {
  const { signal } = opts;
  signal?.throwIfAborted();
  await mkdir(opts.thumbsDir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    throw new AppError('io', `Could not create the thumbnail folder (${err.code ?? 'unknown error'}).`);
  });
  applyBatchSharpSettings();
  // Stops everything on the user's abort or on the first failure that is not about a single file (disk full).
  const stop = new AbortController();
  const cancelled = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const run = new ImportRun(opts, new WorkQueue<WalkedFile>(), cancelled);
  run.progress();
  const whole = (async () => {
    await Promise.all([
      run.walk(paths),
      runWorkers(opts.concurrency ?? availableParallelism(), stop, () => run.work()),
    ]);
    await run.settleCaptionFiles();
    return run.result();
  })();
  return raceAbort(whole, signal);
}
