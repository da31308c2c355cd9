import { access, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from '../fs';
import type { JournalChange, JournalEntry, StepMeta } from './journal';
import { appendLine, parseStepLine } from './journal';

/**
 * history.jsonl: every step that changed a caption or an exclusion (and every undo and redo), oldest first, one
 * JSON line each. Steps arrive here from the journal when it is compacted (the journal line is the durable
 * record until then), so history.jsonl is only ever appended to. It is read only when the history is asked
 * for (undo, redo, an image's versions), never when a dataset opens, and each store reads only what was
 * appended since its last read.
 */

/** A step as the history keeps it: the journal line without the manifest base it applied to. */
export interface HistoryEntry {
  at: string;
  step: StepMeta;
  changes: JournalChange[];
}

const CONTENT_FIELDS = ['caption', 'excluded'] as const;

/** Steps worth keeping: a caption or an exclusion changed, or an undo/redo (they move steps between stacks). */
export function isHistoryStep(entry: HistoryEntry): boolean {
  if (entry.step.action === 'undo' || entry.step.action === 'redo') return true;
  return entry.changes.some((c) => CONTENT_FIELDS.some((f) => f in c.patch && c.patch[f] !== c.before[f]));
}

export function toHistoryEntry({ at, step, changes }: JournalEntry): HistoryEntry {
  return { at, step, changes };
}

/** Appends steps as lines in one write and one fsync. */
export async function appendHistory(path: string, entries: ReadonlyArray<HistoryEntry>): Promise<void> {
  if (entries.length === 0) return;
  const isNew = await access(path).then(
    () => false,
    () => true,
  );
  await appendLine(path, entries, true);
  // A new file's folder entry is fsync'd too, before the journal it replaces is emptied.
  if (isNew) await syncDir(dirname(path));
}

export interface HistoryCache {
  /** Bytes of history.jsonl already read (complete lines only). */
  offset: number;
  entries: HistoryEntry[];
  ids: Set<string>;
}

export const emptyHistoryCache = (): HistoryCache => ({ offset: 0, entries: [], ids: new Set() });

/**
 * Brings `cache` up to date with history.jsonl, reading only the bytes after `cache.offset`. A file shorter
 * than the cache (replaced by hand, or a copied dataset) is read again from the start. A torn last line (a crash
 * mid-append) is left for the next read; a damaged line is skipped. A step already read is not added twice (a
 * crash between moving the journal's steps here and emptying the journal moves them again).
 */
export async function refreshHistory(path: string, cache: HistoryCache): Promise<HistoryCache> {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  const current = size < cache.offset ? emptyHistoryCache() : cache;
  if (size === current.offset) return current;
  const fh = await open(path, 'r');
  let buf: Buffer;
  try {
    buf = Buffer.alloc(size - current.offset);
    await fh.read(buf, 0, buf.length, current.offset);
  } finally {
    await fh.close();
  }
  const complete = buf.lastIndexOf(0x0a) + 1;
  for (const line of buf.subarray(0, complete).toString('utf8').split('\n')) {
    for (const entry of parseHistoryLine(line)) addOnce(current, entry);
  }
  current.offset += complete;
  return current;
}

function addOnce(cache: HistoryCache, entry: HistoryEntry): void {
  if (cache.ids.has(entry.step.id)) return;
  cache.ids.add(entry.step.id);
  cache.entries.push(entry);
}

/** A line holds the steps moved in one compaction (an array), each shaped like a journal line. */
function parseHistoryLine(line: string): HistoryEntry[] {
  if (line.trim() === '') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: HistoryEntry[] = [];
  for (const item of raw) {
    const entry = parseStepLine({ base: '', ...(item as object) });
    if (entry) out.push(toHistoryEntry(entry));
  }
  return out;
}
