import { type FileHandle, open, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type DatasetManifest, ImageEntry } from '../../shared/dataset';
import type { StepAction } from '../../shared/history';
import { ID_PATTERN } from '../../shared/ids';

/**
 * The append-only journal: one JSON line per step (one image's patch, or a bulk edit's thousands), so a caption
 * edit costs a few hundred bytes instead of a rewrite of the whole manifest. Each line also says who made the
 * step and what the patched fields were before, so the history is written in the same fsync as the caption (a
 * crash can never keep one without the other); compaction moves the steps on into history.jsonl. Each line carries `base`, the `updatedAt` of the manifest it applies to.
 * Every manifest write gets a new, strictly later `updatedAt`, so lines left over by a crash between a
 * manifest write and the journal truncation are recognised as already folded in (or deliberately replaced by
 * save()) and skipped, instead of being replayed over newer data.
 */

export const ImagePatchSchema = z.strictObject(
  ImageEntry.pick({
    caption: true,
    captionSource: true,
    status: true,
    error: true,
    excluded: true,
    model: true,
    provider: true,
  }).partial().shape,
);
export type ImagePatch = Partial<
  Pick<ImageEntry, 'caption' | 'captionSource' | 'status' | 'error' | 'excluded' | 'model' | 'provider'>
>;

/** Who made a step and why (see shared/history.ts); `target` is the step an undo or redo acts on. */
const StepMeta = z.object({
  id: z.string().regex(ID_PATTERN),
  action: z.string().min(1).max(40),
  model: z.string().max(200).nullable(),
  target: z.string().regex(ID_PATTERN).nullable(),
});
export type StepMeta = Omit<z.infer<typeof StepMeta>, 'action'> & { action: StepAction };

const JournalChange = z.object({
  image: z.string().min(1),
  patch: ImagePatchSchema,
  /** The patched fields as they were before: what an undo writes back, and what a version list shows. */
  before: ImagePatchSchema,
});
export type JournalChange = z.infer<typeof JournalChange>;

/** Lines written by 0.1 and 0.2: one image, no step. */
const LegacyLine = z.object({ base: z.string(), at: z.string(), image: z.string().min(1), patch: ImagePatchSchema });
/** Lines since 0.3: one step, any number of images (a bulk edit of 5,000 captions is one line, one fsync). */
const StepLine = z.object({ base: z.string(), at: z.string(), step: StepMeta, changes: z.array(JournalChange) });

/** One line of the journal as the store uses it; a legacy line reads as a step with no known origin. */
export interface JournalEntry {
  base: string;
  at: string;
  step: StepMeta;
  changes: JournalChange[];
}

export interface JournalRead {
  entries: JournalEntry[];
  /** Length of the complete lines; anything after is a torn append (crash mid-write) and is ignored. */
  validBytes: number;
  tornBytes: number;
  /** Complete lines that failed to parse or validate: damage, not a crash, so the journal is kept aside. */
  badLines: number;
  exists: boolean;
}

export async function readJournal(path: string): Promise<JournalRead> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return { entries: [], validBytes: 0, tornBytes: 0, badLines: 0, exists: false };
    }
    throw e;
  }
  const validBytes = buf.lastIndexOf(0x0a) + 1;
  const entries: JournalEntry[] = [];
  let badLines = 0;
  const lines = buf.subarray(0, validBytes).toString('utf8').split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const entry = parseLine(line, index);
    if (entry) entries.push(entry);
    else badLines++;
  }
  return { entries, validBytes, tornBytes: buf.length - validBytes, badLines, exists: true };
}

function parseLine(line: string, index: number): JournalEntry | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  const step = parseStepLine(raw);
  if (step) return step;
  const legacy = LegacyLine.safeParse(raw);
  if (!legacy.success) return null;
  const { base, at, image, patch } = legacy.data;
  // A stable id (same line, same id on every read), so a step moved into the history twice is recognised.
  const id = `j${Date.parse(at).toString(36)}-${index}`;
  return {
    base,
    at,
    step: { id, action: 'other', model: null, target: null },
    changes: [{ image, patch, before: {} }],
  };
}

/** A line written since 0.3 (also the shape of a step in history.jsonl), or null. */
export function parseStepLine(raw: unknown): JournalEntry | null {
  const parsed = StepLine.safeParse(raw);
  if (!parsed.success) return null;
  return { ...parsed.data, step: { ...parsed.data.step, action: parsed.data.step.action as StepAction } };
}

/** Appends one line and fsyncs it before resolving: once this resolves, the step survives a crash. */
export async function appendJournal(path: string, entry: JournalEntry): Promise<number> {
  return appendLine(path, entry);
}

/**
 * One JSON line appended and fsync'd; returns its length in bytes. `afterTornLine`: the file may end in a line
 * torn by a crash, which is ended first so the new line is not glued onto it.
 */
export async function appendLine(path: string, value: unknown, afterTornLine = false): Promise<number> {
  const line = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  const fh = await open(path, afterTornLine ? 'a+' : 'a');
  try {
    if (afterTornLine && (await endsTorn(fh))) await fh.write('\n');
    await fh.write(line);
    await fh.datasync();
  } finally {
    await fh.close();
  }
  return line.length;
}

/**
 * Applies the lines that belong to this manifest (same `base`) in order, in place. Patches only set fields,
 * so replaying a line twice gives the same result. Returns how many lines applied.
 */
export function applyJournal(manifest: DatasetManifest, entries: ReadonlyArray<JournalEntry>): number {
  const base = manifest.updatedAt;
  const index = new Map(manifest.images.map((img, i) => [img.id, i]));
  let applied = 0;
  for (const e of entries) {
    if (e.base !== base) continue;
    let known = false;
    for (const change of e.changes) {
      const i = index.get(change.image);
      const img = i === undefined ? undefined : manifest.images[i];
      if (i === undefined || !img) continue;
      manifest.images[i] = { ...img, ...change.patch };
      known = true;
    }
    if (!known) continue;
    if (e.at > manifest.updatedAt) manifest.updatedAt = e.at;
    applied++;
  }
  return applied;
}

async function endsTorn(fh: FileHandle): Promise<boolean> {
  const { size } = await fh.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await fh.read(last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}
