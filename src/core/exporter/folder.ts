import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { syncDir, tempPathBeside } from '../fs';
import { BackgroundSync } from './background-sync';
import type { ImagePayload } from './convert';
import { planOrRefuse, throwIfCancelled, toExportError } from './export-errors';
import { patchFile } from './gps-apply';
import { FLAT_LAYOUT, layOut } from './layout';
import type { ExportItem, ExportOptions, ExportReport } from './types';
import { type DatasetWriter, writeItems } from './write-items';
import type { LaidOut } from './zip';

/** Files the OS drops into folders by itself; a folder holding only these still counts as empty. */
const OS_JUNK = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * The same dataset as the ZIP, as plain files in a folder, every file fsynced before the export reports success.
 * A new folder is built as a hidden temp sibling and renamed into place at the end, so it appears complete or
 * not at all. An existing empty folder is filled file by file with atomic writes, and a failure or cancel removes
 * the files written so far. A non-empty folder is refused: mixing the dataset with other files would train on
 * them too.
 */
export async function exportFolder(opts: ExportOptions & LaidOut & { outDir: string }): Promise<ExportReport> {
  const { outDir, signal, layout = FLAT_LAYOUT } = opts;
  const plan = layOut(await planOrRefuse(opts.images, opts.trigger, opts.shaping), layout);
  throwIfCancelled(signal);
  const exists = await checkFolderTarget(outDir);
  const dir = exists ? outDir : tempPathBeside(outDir);
  const writer = folderWriter(dir, exists);
  try {
    if (!exists) await mkdir(dir);
    const counts = await writeItems(plan, opts, writer, layout);
    await writer.syncs.settle();
    await syncDir(dir);
    if (!exists) {
      await rename(dir, outDir);
      await syncDir(dirname(outDir));
    }
    return {
      ...{ preset: opts.preset ?? 'replicate', target: 'folder', path: outDir, images: plan.items.length },
      ...{ bytes: writer.bytes(), warnings: plan.warnings, ...counts, written: [], backups: [] },
    };
  } catch (e) {
    await writer.syncs.drain(); // a rename still in flight must not bring a file back after the cleanup
    if (exists) await writer.removeWritten();
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
 * Writes into `dir`, every file fsynced (in the background, a few at a time: see BackgroundSync). In our own temp
 * folder a file goes straight to its name, since the folder's final rename is what makes the export visible; in
 * a user's existing folder it goes to a hidden temp name and is renamed into place once fsynced, so no file
 * there is ever partial. Byte-for-byte copies use copyFile (copy_file_range or a clone where the OS offers it).
 */
function folderWriter(dir: string, inPlace: boolean) {
  const written: string[] = [];
  /** Sub-folders of the layout (kohya's, `train/`...), made on first use and removed on failure in place. */
  const folders: string[] = [];
  const syncs = new BackgroundSync();
  let bytes = 0;
  const ensureFolder = async (path: string) => {
    const folder = dirname(path);
    if (folder === dir || folders.includes(folder)) return;
    await mkdir(folder, { recursive: true });
    folders.push(folder);
  };
  const put = async (name: string, write: (path: string) => Promise<number>) => {
    const final = join(dir, name);
    await ensureFolder(final);
    const path = inPlace ? tempPathBeside(final) : final;
    written.push(path);
    if (inPlace) written.push(final);
    bytes += await write(path);
    await syncs.add(path, inPlace ? () => rename(path, final) : undefined);
  };
  const copy = (image: ImagePayload & { kind: 'file' }) => async (path: string) => {
    await copyFile(image.path, path, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
    // GPS tags are blanked in the copy, before it is fsynced and (in place) renamed into view.
    if (image.patches.length > 0) await patchFile(path, image.patches);
    return (await stat(path)).size;
  };
  const store = (data: Buffer) => async (path: string) => {
    await writeFile(path, data, { flag: 'wx' });
    return data.length;
  };
  const writer: DatasetWriter = {
    async add(item: ExportItem, image: ImagePayload, caption: Buffer | null) {
      await put(item.fileName, image.kind === 'file' ? copy(image) : store(image.data));
      if (caption && item.captionName) await put(item.captionName, store(caption));
    },
    addFile: (name, data) => put(name, store(data)),
    bytes: () => bytes,
  };
  return {
    ...writer,
    syncs,
    /** Removes what an export into the user's folder wrote so far (files, then the sub-folders it made). */
    async removeWritten() {
      await Promise.all(written.map((f) => rm(f, { force: true }).catch(() => {})));
      for (const folder of [...folders].reverse()) await rm(folder, { recursive: true, force: true }).catch(() => {});
    },
  };
}
