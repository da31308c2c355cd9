import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { copyFileAtomic, syncDir, tempPathBeside, writeFileAtomic } from '../fs';
import type { ImagePayload } from './convert';
import { planOrRefuse, throwIfCancelled, toExportError } from './export-errors';
import type { ExportItem, ExportOptions, ExportReport } from './types';
import { type DatasetWriter, writeItems } from './write-items';

/** Files the OS drops into folders by itself; a folder holding only these still counts as empty. */
const OS_JUNK = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * The same dataset as the ZIP, as plain files in a folder. A new folder is built as a hidden temp sibling and
 * renamed into place at the end, so it appears complete or not at all. An existing empty folder is filled file
 * by file with atomic writes, and a failure or cancel removes the files written so far. A non-empty folder is
 * refused: mixing the dataset with other files would train on them too.
 */
export async function exportFolder(opts: ExportOptions & { outDir: string }): Promise<ExportReport> {
  const { outDir, signal } = opts;
  const plan = await planOrRefuse(opts.images, opts.trigger);
  throwIfCancelled(signal);
  const exists = await checkFolderTarget(outDir);
  const dir = exists ? outDir : tempPathBeside(outDir);
  const writer = folderWriter(dir, exists);
  try {
    if (!exists) await mkdir(dir);
    const counts = await writeItems(plan, opts, writer);
    if (!exists) {
      await rename(dir, outDir);
      await syncDir(dirname(outDir));
    }
    return { path: outDir, images: plan.items.length, bytes: writer.bytes(), warnings: plan.warnings, ...counts };
  } catch (e) {
    if (exists) await Promise.all(writer.written.map((f) => rm(f, { force: true }).catch(() => {})));
    else await rm(dir, { recursive: true, force: true }).catch(() => {});
    throw toExportError(e, outDir, signal);
  }
}

/** True when `outDir` is an existing empty folder, false when it does not exist yet; refuses anything else. */
async function checkFolderTarget(outDir: string): Promise<boolean> {
  const parent = dirname(outDir);
  const parentStat = await stat(parent).catch(() => null);
  if (!parentStat?.isDirectory()) throw new AppError('io', `Cannot export: the folder "${parent}" does not exist.`);
  const target = await stat(outDir).catch(() => null);
  if (!target) return false;
  if (!target.isDirectory()) throw new AppError('io', `"${outDir}" is a file; choose a folder to export into.`);
  const entries = await readdir(outDir).catch((e: unknown) => {
    throw toExportError(e, outDir);
  });
  if (entries.some((name) => !OS_JUNK.has(name))) {
    throw new AppError('validation', `The folder "${outDir}" is not empty; choose an empty or new folder.`);
  }
  return true;
}

/**
 * Writes into `dir`. In a user's existing folder every file is written atomically (temp + fsync + rename); in our
 * own temp folder plain writes suffice, since the folder's final rename is what makes the export visible.
 */
function folderWriter(dir: string, atomic: boolean): DatasetWriter & { written: string[] } {
  const written: string[] = [];
  let bytes = 0;
  const put = async (name: string, data: Buffer) => {
    const path = join(dir, name);
    written.push(path);
    await (atomic ? writeFileAtomic(path, data) : writeFile(path, data, { flag: 'wx' }));
    bytes += data.length;
  };
  const copy = async (src: string, name: string) => {
    const path = join(dir, name);
    written.push(path);
    if (atomic) await copyFileAtomic(src, path);
    else await copyFile(src, path, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
    bytes += (await stat(path)).size;
  };
  return {
    written,
    async add(item: ExportItem, image: ImagePayload, caption: Buffer) {
      if (image.kind === 'file') await copy(image.path, item.fileName);
      else await put(item.fileName, image.data);
      await put(item.captionName, caption);
    },
    bytes: () => bytes,
  };
}
