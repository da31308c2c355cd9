import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Atomic writes: data goes to a temp file in the target's own folder (so the final rename never crosses a file
 * system), is fsynced, then renamed over the target. Readers and crashes see the old file or the new one, never
 * half of either, and a failed write leaves no temp file behind.
 */

/** Longest part of the target's name kept in a temp name, so the temp name stays under NAME_MAX (255 bytes). */
const TEMP_NAME_KEEP = 60;

/**
 * A fresh, hidden, unique path in the same folder as `path` (works for files and folders). The leading dot
 * keeps it out of Finder/Explorer listings while it exists; pid + random suffix avoid clashes between writers.
 */
export function tempPathBeside(path: string): string {
  const kept = Array.from(basename(path)).slice(0, TEMP_NAME_KEEP).join('');
  return join(dirname(path), `.${kept}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `data` to `path` atomically, and durably (file fsynced) unless `durable: false`: caches that are cheap to
 * regenerate (thumbnails, previews) skip the fsync, which dominates the cost of writing thousands of small files.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: { durable?: boolean } = {},
): Promise<void> {
  await viaTemp(
    path,
    async (tmp) => {
      const fh = await open(tmp, 'wx');
      try {
        await fh.writeFile(data);
        if (opts.durable !== false) await fh.sync();
      } finally {
        await fh.close();
      }
    },
    opts.durable !== false,
  );
}

/** Runs `write(tmp)`, then renames tmp over `path`; removes tmp on any failure. */
async function viaTemp(path: string, write: (tmp: string) => Promise<void>, durable = true): Promise<void> {
  const tmp = tempPathBeside(path);
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
  if (durable) await syncDir(dirname(path));
}

async function syncPath(path: string, flags: string): Promise<void> {
  const fh = await open(path, flags);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Makes a rename durable by fsyncing the folder. Best effort: Windows cannot open folders for fsync (its rename
 * is durable enough), and some network file systems refuse; the data itself was already synced.
 */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  await syncPath(dir, 'r').catch(() => {});
}
