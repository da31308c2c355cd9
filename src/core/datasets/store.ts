import type { Dirent } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, truncate } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type ImageEntry, MANIFEST_VERSION, type SessionManifest, SessionSettings } from '../../shared/dataset';
import { AppError, isAppError } from '../../shared/errors';
import { systemClock } from '../clock';
import { syncDir } from '../fs/atomic';
import type { AppPaths, Clock } from '../ports';
import {
  createEmpty,
  fileSize,
  type LiveSession,
  liveFromManifest,
  liveFromState,
  manifestStamp,
  nextUpdatedAt,
  readSession,
  resetJournal,
} from './dataset-state';
import { assertValidId, compactStamp, isValidId, makeSessionId } from './ids';
import { appendJournal, ImagePatchSchema } from './journal';
import { createKeyedQueue } from './keyed-queue';
import { JOURNAL_FILE, MANIFEST_FILE, sessionLayout, THUMBS_DIR } from './layout';
import { isDamagedManifestError, readManifest, writeManifest } from './manifest-io';
import { brokenSummary, newestFirst, sameRoots, summarise } from './summary';
import type { SessionStore, SessionStoreOptions, SessionSummary } from './types';
import { parseOr, validManifest, validName, validTrigger } from './validate';
import { withWriteLock } from './write-lock';

const DEFAULT_COMPACT_AFTER = 500;

export function createSessionStore(
  paths: AppPaths,
  clock: Clock = systemClock,
  options: SessionStoreOptions = {},
): SessionStore {
  const layout = sessionLayout(paths);
  const queue = createKeyedQueue();
  const live = new Map<string, LiveSession>();
  const compactAfter = Math.max(1, options.compactAfter ?? DEFAULT_COMPACT_AFTER);
  const stamp = () => {
    const ms = clock.now();
    return `${compactStamp(ms)}-${String(ms % 1000).padStart(3, '0')}`;
  };
  const read = (id: string) => readSession(layout.manifest(id), layout.journal(id), id, stamp);

  /**
   * Runs in the session's queue (order within this process) and, for writes, under the session's write lock
   * (order against other processes). A failure forgets the cached state so the next call re-reads the disk.
   */
  function inSession<T>(id: string, action: string, task: () => Promise<T>): Promise<T> {
    const writes = action !== 'load' && action !== 'remove';
    return queue.run(id, async () => {
      try {
        return await (writes ? withWriteLock(layout.dir(id), task) : task());
      } catch (e) {
        live.delete(id);
        throw isAppError(e) ? e : new AppError('io', `Could not ${action} session "${id}": ${(e as Error).message}`);
      }
    });
  }

  /** The cached state while the files are still as this store left them (no other store or process wrote). */
  async function cachedIfFresh(id: string): Promise<LiveSession | null> {
    const cached = live.get(id);
    if (!cached) return null;
    const [m, j] = await Promise.all([manifestStamp(layout.manifest(id)), fileSize(layout.journal(id))]);
    return m === cached.manifestStamp && j === cached.journalSize ? cached : null;
  }

  async function current(id: string): Promise<LiveSession> {
    const cached = await cachedIfFresh(id);
    if (cached) return cached;
    const state = liveFromState(await read(id));
    live.set(id, state);
    return state;
  }

  /** Writes a whole manifest (new `updatedAt`, strictly after `prevBase`) and empties the journal. */
  async function writeWhole(id: string, m: SessionManifest, prevBase: string | null, keepJournal: boolean) {
    const out: SessionManifest = { ...m, id, updatedAt: nextUpdatedAt(clock.now(), prevBase, m.updatedAt) };
    await writeManifest(layout.manifest(id), out);
    await resetJournal(layout.journal(id), keepJournal ? stamp() : null);
    live.set(id, liveFromManifest(out, await manifestStamp(layout.manifest(id))));
    return out;
  }

  async function compact(id: string, change?: (m: SessionManifest) => SessionManifest) {
    const state = await read(id);
    const next = change ? validManifest(change(state.manifest), id) : state.manifest;
    return writeWhole(id, next, state.base, state.journal.badLines > 0);
  }

  async function scan(): Promise<Array<{ summary: SessionSummary; roots: string[] | null }>> {
    let entries: Dirent[];
    try {
      entries = await readdir(layout.root, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AppError('io', `Could not list sessions in ${layout.root}: ${(e as Error).message}`);
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
      const settings = parseOr(SessionSettings, init.settings, 'Invalid session settings');
      const roots = init.roots.map((r) => resolve(r));
      await mkdir(layout.root, { recursive: true });
      // Built in a hidden staging folder and renamed into place, so a crash never leaves a half-made session.
      for (let attempt = 0; attempt < 5; attempt++) {
        const now = clock.now();
        const id = makeSessionId(now);
        const at = new Date(now).toISOString();
        const manifest: SessionManifest = {
          ...{ version: MANIFEST_VERSION, id, name, trigger, createdAt: at, updatedAt: at },
          ...{ roots, settings, images: [], skipped: [] },
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
          throw new AppError('io', `Could not create a session in ${layout.root}: ${(e as Error).message}`);
        }
        await syncDir(layout.root);
        live.set(id, liveFromManifest(manifest, await manifestStamp(layout.manifest(id))));
        return manifest;
      }
      throw new AppError('internal', 'Could not find a free session id.');
    },

    async load(id) {
      assertValidId(id);
      return inSession(id, 'load', async () => {
        const state = await read(id);
        live.set(id, liveFromState(state));
        return state.manifest;
      });
    },

    async save(manifest) {
      assertValidId(manifest?.id);
      const id = manifest.id;
      const valid = validManifest(manifest, id);
      await inSession(id, 'save', async () => {
        const cached = await cachedIfFresh(id);
        const prevBase = cached ? cached.base : await baseForSave(id);
        await writeWhole(id, valid, prevBase, (cached?.badLines ?? 0) > 0);
      });
    },

    async updateImage(id, imageId, patch) {
      assertValidId(id);
      if (typeof imageId !== 'string' || imageId === '') throw new AppError('validation', 'Image id is missing.');
      const valid = parseOr(ImagePatchSchema, patch, 'Invalid image update');
      return inSession(id, 'update', async () => {
        const session = await current(id);
        const before = session.images.get(imageId);
        if (!before) {
          throw new AppError('not-found', `Image "${imageId}" is not in session "${id}".`);
        }
        const journal = layout.journal(id);
        if (session.tornAt !== null) {
          await truncate(journal, session.tornAt);
          session.journalSize = session.tornAt;
          session.tornAt = null;
        }
        if (!session.journalExists) {
          await createEmpty(journal);
          session.journalExists = true;
          session.journalSize = 0;
        }
        const at = new Date(clock.now()).toISOString();
        session.journalSize += await appendJournal(journal, { base: session.base, at, image: imageId, patch: valid });
        session.lines++;
        const updated: ImageEntry = { ...before, ...valid };
        session.images.set(imageId, updated);
        if (session.lines >= compactAfter) await compact(id);
        return updated;
      });
    },

    async modify(id, change) {
      assertValidId(id);
      return inSession(id, 'update', () => compact(id, change));
    },

    async rename(id, name) {
      assertValidId(id);
      const valid = validName(name);
      await inSession(id, 'rename', () => compact(id, (m) => ({ ...m, name: valid })));
    },

    async remove(id) {
      assertValidId(id);
      await inSession(id, 'remove', async () => {
        const dir = layout.dir(id);
        const exists = await stat(dir).then(
          () => true,
          () => false,
        );
        if (!exists) throw new AppError('not-found', `Session "${id}" does not exist.`);
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

    sessionDir: (id) => layout.dir(id),
    thumbsDir: (id) => layout.thumbs(id),

    async close() {
      await queue.idle();
      const pending = [...live].filter(([, s]) => s.lines > 0).map(([id]) => id);
      const results = await Promise.allSettled(pending.map((id) => inSession(id, 'save', () => compact(id))));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };

  /** The base a save() must move past; a damaged or missing manifest (already kept aside) has none. */
  async function baseForSave(id: string): Promise<string | null> {
    try {
      return (await readManifest(layout.manifest(id), id, stamp)).updatedAt;
    } catch (e) {
      if (isDamagedManifestError(e)) return null;
      throw e;
    }
  }
}
