import type { Dirent } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, truncate } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type DatasetManifest, DatasetSettings, type ImageEntry, MANIFEST_VERSION } from '../../shared/dataset';
import { AppError, isAppError } from '../../shared/errors';
import { DEFAULT_EXPORT_CHOICE } from '../../shared/export-presets';
import { isValidId } from '../../shared/ids';
import { systemClock } from '../clock';
import { syncDir } from '../fs';
import type { AppPaths, Clock } from '../ports';
import {
  createEmpty,
  fileSize,
  type LiveDataset,
  liveFromManifest,
  liveFromState,
  manifestStamp,
  nextUpdatedAt,
  readDataset,
  resetJournal,
} from './dataset-state';
import { isHistoryStep, toHistoryEntry } from './history-file';
import { assertValidId, compactStamp, makeDatasetId } from './ids';
import { appendJournal, type ImagePatch, ImagePatchSchema, type JournalChange } from './journal';
import { createKeyedQueue } from './keyed-queue';
import { datasetLayout, JOURNAL_FILE, MANIFEST_FILE, THUMBS_DIR } from './layout';
import { moveLegacyDatasets } from './legacy-folder';
import { isDamagedManifestError, writeManifest } from './manifest-io';
import { type CommittedStep, changeOf, changeWithBefore, originOf, type StepOrigin, stepMeta } from './steps';
import { createStoreHistory } from './store-history';
import { brokenSummary, newestFirst, sameRoots, summarise } from './summary';
import type { DatasetStore, DatasetStoreOptions, DatasetSummary } from './types';
import { parseOr, validManifest, validName, validTrigger } from './validate';
import { withWriteLock } from './write-lock';

const DEFAULT_COMPACT_AFTER = 500;
/** A few bulk edits of thousands of captions make a big journal in few lines: fold it in past this size. */
const DEFAULT_COMPACT_BYTES = 16 * 1024 * 1024;

export function createDatasetStore(
  paths: AppPaths,
  clock: Clock = systemClock,
  options: DatasetStoreOptions = {},
): DatasetStore {
  const layout = datasetLayout(paths);
  const queue = createKeyedQueue();
  const live = new Map<string, LiveDataset>();
  const history = createStoreHistory(layout, clock, (id) => current(id));
  const compactAfter = Math.max(1, options.compactAfter ?? DEFAULT_COMPACT_AFTER);
  const compactBytes = options.compactBytes ?? DEFAULT_COMPACT_BYTES;
  const stamp = () => {
    const ms = clock.now();
    return `${compactStamp(ms)}-${String(ms % 1000).padStart(3, '0')}`;
  };
  const read = (id: string) => readDataset(layout.manifest(id), layout.journal(id), id, stamp);
  // Datasets written by version 0.1 (in `sessions/`) move into place before anything else looks at the folder.
  let migrated: Promise<unknown> | null = null;
  const ready = () => {
    migrated ??= moveLegacyDatasets(paths, layout.root);
    return migrated;
  };

  /**
   * Runs in the dataset's queue (order within this process) and, for writes, under the dataset's write lock
   * (order against other processes). A failure forgets the cached state so the next call re-reads the disk.
   */
  function inDataset<T>(id: string, action: string, task: () => Promise<T>): Promise<T> {
    const writes = action !== 'load' && action !== 'remove';
    return queue.run(id, async () => {
      await ready();
      try {
        return await (writes ? withWriteLock(layout.dir(id), task) : task());
      } catch (e) {
        live.delete(id);
        throw isAppError(e) ? e : new AppError('io', `Could not ${action} dataset "${id}": ${(e as Error).message}`);
      }
    });
  }

  /** The cached state while the files are still as this store left them (no other store or process wrote). */
  async function cachedIfFresh(id: string): Promise<LiveDataset | null> {
    const cached = live.get(id);
    if (!cached) return null;
    const [m, j] = await Promise.all([manifestStamp(layout.manifest(id)), fileSize(layout.journal(id))]);
    return m === cached.manifestStamp && j === cached.journalSize ? cached : null;
  }

  async function current(id: string): Promise<LiveDataset> {
    const cached = await cachedIfFresh(id);
    if (cached) return cached;
    const state = liveFromState(await read(id));
    live.set(id, state);
    return state;
  }

  /** Writes a whole manifest (new `updatedAt`, strictly after `prevBase`) and empties the journal. */
  async function writeWhole(id: string, m: DatasetManifest, prevBase: string | null, keepJournal: boolean) {
    const out: DatasetManifest = { ...m, id, updatedAt: nextUpdatedAt(clock.now(), prevBase, m.updatedAt) };
    await writeManifest(layout.manifest(id), out);
    await resetJournal(layout.journal(id), keepJournal ? stamp() : null);
    live.set(id, liveFromManifest(out, await manifestStamp(layout.manifest(id))));
    return out;
  }

  /**
   * Folds the journal into manifest.json. Its steps are moved into history.jsonl first (a crash before the
   * journal is emptied moves them again, and the history reads each step once); the caption changes `change`
   * itself makes are recorded after the manifest is written (a crash in between loses that history line, never
   * the captions).
   */
  async function compact(id: string, change?: (m: DatasetManifest) => DatasetManifest, origin?: StepOrigin) {
    const state = await read(id);
    await history.moveJournal(id, state);
    const next = change ? validManifest(change(state.manifest), id) : state.manifest;
    const written = await writeWhole(id, next, state.base, state.journal.badLines > 0);
    await history.recordDiff(id, state.manifest, next, origin);
    return written;
  }

  /**
   * Appends one step to the journal (one line, one fsync, however many images) and updates the cache. A torn
   * last line is cut first, and a missing journal made; compaction follows when the journal has grown enough.
   */
  async function appendStep(id: string, dataset: LiveDataset, origin: StepOrigin, changes: JournalChange[]) {
    const journal = layout.journal(id);
    if (dataset.tornAt !== null) {
      await truncate(journal, dataset.tornAt);
      dataset.journalSize = dataset.tornAt;
      dataset.tornAt = null;
    }
    if (!dataset.journalExists) {
      await createEmpty(journal);
      dataset.journalExists = true;
      dataset.journalSize = 0;
    }
    const now = clock.now();
    const entry = { base: dataset.base, at: new Date(now).toISOString(), step: stepMeta(origin, now), changes };
    dataset.journalSize += await appendJournal(journal, entry);
    dataset.lines++;
    const step = toHistoryEntry(entry);
    if (isHistoryStep(step)) dataset.pending.push(step);
    const images: ImageEntry[] = [];
    for (const change of changes) {
      const before = dataset.images.get(change.image);
      if (!before) continue;
      const updated: ImageEntry = { ...before, ...change.patch };
      dataset.images.set(change.image, updated);
      images.push(updated);
    }
    if (dataset.lines >= compactAfter || dataset.journalSize >= compactBytes) await compact(id);
    return { entry: step, images };
  }

  async function scan(): Promise<Array<{ summary: DatasetSummary; roots: string[] | null }>> {
    let entries: Dirent[];
    await ready();
    try {
      entries = await readdir(layout.root, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AppError('io', `Could not list datasets in ${layout.root}: ${(e as Error).message}`);
    }
    const ids = entries.filter((e) => e.isDirectory() && isValidId(e.name)).map((e) => e.name);
    const rows = await Promise.all(
      ids.map((id) =>
        queue.run(id, async () => {
          try {
            const { manifest } = await read(id);
            return { summary: summarise(manifest), roots: manifest.roots };
          } catch (e) {
            if (isAppError(e) && e.kind === 'not-found') return null; // removed while listing
            const folderTime = await stat(layout.dir(id)).then(
              (s) => s.mtime.toISOString(),
              () => '',
            );
            return { summary: brokenSummary(id, (e as Error).message, folderTime), roots: null };
          }
        }),
      ),
    );
    return rows.filter((r) => r !== null).sort((a, b) => newestFirst(a.summary, b.summary));
  }

  return {
    async list() {
      return (await scan()).map((r) => r.summary);
    },

    async create(init) {
      const name = validName(init.name);
      const trigger = validTrigger(init.trigger);
      const settings = parseOr(DatasetSettings, init.settings, 'Invalid dataset settings');
      const roots = init.roots.map((r) => resolve(r));
      await ready();
      await mkdir(layout.root, { recursive: true });
      // Built in a hidden staging folder and renamed into place, so a crash never leaves a half-made dataset.
      for (let attempt = 0; attempt < 5; attempt++) {
        const now = clock.now();
        const id = makeDatasetId(now);
        const at = new Date(now).toISOString();
        const manifest: DatasetManifest = {
          ...{ version: MANIFEST_VERSION, id, name, trigger, createdAt: at, updatedAt: at },
          ...{
            roots,
            settings,
            images: [],
            skipped: [],
            batch: null,
            exportChoice: DEFAULT_EXPORT_CHOICE,
            trainings: [],
          },
        };
        const staging = join(layout.root, `.creating-${id}`);
        try {
          await mkdir(join(staging, THUMBS_DIR), { recursive: true });
          await writeManifest(join(staging, MANIFEST_FILE), manifest);
          await createEmpty(join(staging, JOURNAL_FILE));
          await rename(staging, layout.dir(id));
        } catch (e) {
          await rm(staging, { recursive: true, force: true });
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EEXIST' || code === 'ENOTEMPTY') continue; // id taken: draw another
          throw new AppError('io', `Could not create a dataset in ${layout.root}: ${(e as Error).message}`);
        }
        await syncDir(layout.root);
        live.set(id, liveFromManifest(manifest, await manifestStamp(layout.manifest(id))));
        return manifest;
      }
      throw new AppError('internal', 'Could not find a free dataset id.');
    },

    async load(id) {
      assertValidId(id);
      return inDataset(id, 'load', async () => {
        const state = await read(id);
        live.set(id, liveFromState(state));
        return state.manifest;
      });
    },

    async save(manifest) {
      assertValidId(manifest?.id);
      const id = manifest.id;
      const valid = validManifest(manifest, id);
      await inDataset(id, 'save', async () => {
        const previous = await readForSave(id);
        if (previous) await history.moveJournal(id, previous);
        await writeWhole(id, valid, previous?.base ?? null, (previous?.journal.badLines ?? 0) > 0);
        if (previous) await history.recordDiff(id, previous.manifest, valid);
      });
    },

    async updateImage(id, imageId, patch, origin) {
      assertValidId(id);
      if (typeof imageId !== 'string' || imageId === '') throw new AppError('validation', 'Image id is missing.');
      const valid = parseOr(ImagePatchSchema, patch, 'Invalid image update') as ImagePatch;
      return inDataset(id, 'update', async () => {
        const dataset = await current(id);
        const before = dataset.images.get(imageId);
        if (!before) {
          throw new AppError('not-found', `Image "${imageId}" is not in dataset "${id}".`);
        }
        // Written even when nothing changes (the line is what makes a user's save the last word over a run).
        const change = changeWithBefore(before, valid);
        const { images } = await appendStep(id, dataset, origin ?? originOf(valid), [change]);
        return images[0] ?? { ...before, ...valid };
      });
    },

    async commitStep(id, plan) {
      assertValidId(id);
      return inDataset(id, 'update', async (): Promise<CommittedStep | null> => {
        const dataset = await current(id);
        const planned = await plan({
          trigger: dataset.trigger,
          image: (imageId) => dataset.images.get(imageId),
          history: () => history.read(id),
        });
        if (!planned) return null;
        const changes: JournalChange[] = [];
        for (const { imageId, patch } of planned.changes) {
          const image = dataset.images.get(imageId);
          if (!image) throw new AppError('not-found', `Image "${imageId}" is not in dataset "${id}".`);
          const change = changeOf(image, parseOr(ImagePatchSchema, patch, 'Invalid image update') as ImagePatch);
          if (change) changes.push(change);
        }
        // An undo or redo that changes nothing (every image changed since) is still a step: the stacks move on.
        const moves = planned.origin.action === 'undo' || planned.origin.action === 'redo';
        if (changes.length === 0 && !moves) return null;
        return appendStep(id, dataset, planned.origin, changes);
      });
    },

    async history(id) {
      assertValidId(id);
      return inDataset(id, 'load', () => history.read(id));
    },

    async modify(id, change, origin) {
      assertValidId(id);
      return inDataset(id, 'update', () => compact(id, change, origin));
    },

    async rename(id, name) {
      assertValidId(id);
      const valid = validName(name);
      await inDataset(id, 'rename', () => compact(id, (m) => ({ ...m, name: valid })));
    },

    async remove(id) {
      assertValidId(id);
      await inDataset(id, 'remove', async () => {
        const dir = layout.dir(id);
        const exists = await stat(dir).then(
          () => true,
          () => false,
        );
        if (!exists) throw new AppError('not-found', `Dataset "${id}" does not exist.`);
        live.delete(id);
        await rm(dir, { recursive: true, force: true });
      });
    },

    async findByRootsAndTrigger(roots, trigger) {
      const wanted = roots.map((r) => resolve(r));
      const match = (await scan()).find(
        (r) =>
          r.roots !== null &&
          r.summary.trigger === trigger &&
          sameRoots(
            r.roots.map((x) => resolve(x)),
            wanted,
          ),
      );
      return match ? match.summary.id : null;
    },

    datasetDir: (id) => layout.dir(id),
    thumbsDir: (id) => layout.thumbs(id),

    async close() {
      await queue.idle();
      const pending = [...live].filter(([, s]) => s.lines > 0).map(([id]) => id);
      const results = await Promise.allSettled(pending.map((id) => inDataset(id, 'save', () => compact(id))));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };

  /** The dataset a save() replaces (for its base and history); a damaged or missing manifest has none. */
  async function readForSave(id: string) {
    try {
      return await read(id);
    } catch (e) {
      if (isDamagedManifestError(e)) return null;
      throw e;
    }
  }
}
