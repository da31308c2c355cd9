import { open, rename, stat, truncate } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DatasetManifest, ImageEntry } from '../../shared/dataset';
import { AppError } from '../../shared/errors';
import { syncDir } from '../fs';
import { type HistoryEntry, isHistoryStep, toHistoryEntry } from './history-file';
import { applyJournal, type JournalEntry, type JournalRead, readJournal } from './journal';
import { corruptName } from './layout';
import { readManifest } from './manifest-io';

/** A dataset as it really is: manifest.json with the journal replayed over it. */
export interface DatasetState {
  manifest: DatasetManifest;
  /** `updatedAt` of manifest.json on disk: the base new journal lines are written against. */
  base: string;
  /** Taken before the read, so a rewrite racing the read shows up as a change later (never the reverse). */
  manifestStamp: string;
  journal: JournalRead;
}

/** What the store keeps in memory per dataset it writes to, so updateImage needs no read. */
export interface LiveDataset {
  base: string;
  trigger: string;
  /**
   * What manifest.json and journal.jsonl looked like after this store's last read or write. Another store or
   * process writing the same dataset changes them, and the cache is then re-read instead of appending lines
   * against a base that is no longer current (such lines would be skipped on replay).
   */
  manifestStamp: string;
  journalSize: number;
  /** The dataset's images as they are on disk (manifest + journal), so an update can answer without a read. */
  images: Map<string, ImageEntry>;
  /** Lines in journal.jsonl (stale and bad ones included): drives compaction. */
  lines: number;
  /** Set when the journal ends in a torn append: cut there before the next append, or it would glue on. */
  tornAt: number | null;
  badLines: number;
  journalExists: boolean;
  /** The journal's steps not yet moved into history.jsonl (so reading the history needs no journal read). */
  pending: HistoryEntry[];
}

export async function readDataset(
  manifestPath: string,
  journalPath: string,
  id: string,
  stamp: () => string,
): Promise<DatasetState> {
  const manifestStampBefore = await manifestStamp(manifestPath);
  const manifest = await readManifest(manifestPath, id, stamp);
  const base = manifest.updatedAt;
  let journal: JournalRead;
  try {
    journal = await readJournal(journalPath);
  } catch (e) {
    throw new AppError('io', `Dataset "${id}" journal cannot be read (${(e as Error).message}).`);
  }
  applyJournal(manifest, journal.entries);
  return { manifest, base, manifestStamp: manifestStampBefore, journal };
}

/** Identity of manifest.json: every atomic rewrite is a new file (new inode and mtime). */
export async function manifestStamp(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** Size of a file, or -1 when it does not exist. */
export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return -1;
  }
}

export function liveFromState(state: DatasetState): LiveDataset {
  const { journal } = state;
  return {
    base: state.base,
    trigger: state.manifest.trigger,
    manifestStamp: state.manifestStamp,
    journalSize: journal.exists ? journal.validBytes + journal.tornBytes : -1,
    images: new Map(state.manifest.images.map((i) => [i.id, i])),
    lines: journal.entries.length + journal.badLines,
    tornAt: journal.tornBytes > 0 ? journal.validBytes : null,
    badLines: journal.badLines,
    journalExists: journal.exists,
    pending: pendingSteps(journal.entries, state.base),
  };
}

/** State right after this store wrote `manifest` and emptied the journal. */
export function liveFromManifest(manifest: DatasetManifest, stampAfterWrite: string): LiveDataset {
  return {
    base: manifest.updatedAt,
    trigger: manifest.trigger,
    manifestStamp: stampAfterWrite,
    journalSize: 0,
    images: new Map(manifest.images.map((i) => [i.id, i])),
    lines: 0,
    tornAt: null,
    badLines: 0,
    journalExists: true,
    pending: [],
  };
}

/**
 * The `updatedAt` for a manifest write: now, but always strictly later than the previous base (and than the
 * replayed time), so journal lines written against the old base can never match the new manifest.
 */
export function nextUpdatedAt(now: number, ...previous: Array<string | null>): string {
  let ms = now;
  for (const p of previous) {
    const t = p === null ? Number.NaN : Date.parse(p);
    if (Number.isFinite(t) && t >= ms) ms = t + 1;
  }
  return new Date(ms).toISOString();
}

/** Empties the journal after a manifest write; damaged journals are kept aside rather than erased. */
export async function resetJournal(journalPath: string, keepAside: string | null): Promise<void> {
  if (keepAside !== null) {
    await rename(journalPath, join(dirname(journalPath), corruptName('journal', keepAside)));
    await createEmpty(journalPath);
    return;
  }
  try {
    await truncate(journalPath, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await createEmpty(journalPath);
  }
}

/** A new file must have its folder entry fsync'd too, or a power cut could lose the file itself. */
export async function createEmpty(path: string): Promise<void> {
  const fh = await open(path, 'a');
  await fh.close();
  await syncDir(dirname(path));
}

/** The journal's steps that belong to the manifest (same base) and changed a caption or an exclusion. */
export function pendingSteps(entries: ReadonlyArray<JournalEntry>, base: string): HistoryEntry[] {
  return entries
    .filter((e) => e.base === base)
    .map(toHistoryEntry)
    .filter(isHistoryStep);
}
