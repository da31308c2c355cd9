import { open, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type DatasetManifest, ImageEntry } from '../../shared/dataset';

/**
 * The append-only journal: one JSON line per image patch, so a caption edit costs a few hundred bytes instead
 * of a rewrite of the whole manifest. Each line carries `base`, the `updatedAt` of the manifest it applies to.
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

export const JournalEntry = z.object({
  base: z.string(),
  at: z.string(),
  image: z.string().min(1),
  patch: ImagePatchSchema,
});
export type JournalEntry = z.infer<typeof JournalEntry>;

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
  for (const line of buf.subarray(0, validBytes).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    const entry = parseLine(line);
    if (entry) entries.push(entry);
    else badLines++;
  }
  return { entries, validBytes, tornBytes: buf.length - validBytes, badLines, exists: true };
}

function parseLine(line: string): JournalEntry | null {
  try {
    const parsed = JournalEntry.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Appends one line and fsyncs it before resolving: once this resolves, the patch survives a crash. */
export async function appendJournal(path: string, entry: JournalEntry): Promise<number> {
  const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
  const fh = await open(path, 'a');
  try {
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
    const i = index.get(e.image);
    const img = i === undefined ? undefined : manifest.images[i];
    if (i === undefined || !img) continue;
    manifest.images[i] = { ...img, ...e.patch };
    if (e.at > manifest.updatedAt) manifest.updatedAt = e.at;
    applied++;
  }
  return applied;
}
