import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ZipArchive } from 'archiver';
import { AppError } from '../../shared/errors';
import { writeStreamAtomic } from '../fs';
import type { ImagePayload } from './convert';
import { cancelledError, planOrRefuse, throwIfCancelled, toExportError } from './export-errors';
import type { ExportItem, ExportOptions, ExportReport } from './types';
import { type DatasetWriter, writeItems } from './write-items';

/** Largest source file read into memory whole; bigger ones are streamed. Exported for tests. */
export const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;

/**
 * The Replicate preset: one flat ZIP of `name.jpg|png` + `name.txt` pairs, streamed straight to a temp file
 * beside `outPath` and renamed over it only when complete, so memory stays flat whatever the dataset size and
 * a failure or cancel leaves no partial file (an existing `outPath` is untouched until the final rename).
 * Entry names are UTF-8 with the language-encoding flag set (compress-commons sets it for any non-ASCII name).
 * Images are STOREd (already compressed, so deflate only costs time); captions are deflated.
 */
export async function exportZip(opts: ExportOptions & { outPath: string }): Promise<ExportReport> {
  const { outPath, signal } = opts;
  const plan = await planOrRefuse(opts.images, opts.trigger);
  throwIfCancelled(signal);
  await checkZipTarget(outPath);

  const archive = new ZipArchive({ zlib: { level: 9 } });
  const written = writeStreamAtomic(outPath, archive);
  // A failed or cancelled write must also stop whatever is waiting on the archive (nothing drains it any more).
  const stopped = new AbortController();
  const stop = new Promise<never>((_, reject) => {
    written.catch(reject);
    const onAbort = () => reject(cancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
    stopped.signal.addEventListener('abort', () => signal?.removeEventListener('abort', onAbort), { once: true });
  });
  stop.catch(() => {});
  const writer = zipWriter(archive, stop);
  try {
    const counts = await writeItems(plan, opts, writer);
    await Promise.race([archive.finalize(), stop]);
    const bytes = await written;
    return { path: outPath, images: plan.items.length, bytes, warnings: plan.warnings, ...counts };
  } catch (e) {
    archive.destroy();
    await written.catch(() => {});
    throw toExportError(e, outPath, signal);
  } finally {
    stopped.abort();
  }
}

/** Fails early, with a plain message, when the ZIP cannot go where the user pointed. */
async function checkZipTarget(outPath: string): Promise<void> {
  const dir = dirname(outPath);
  const folder = await stat(dir).catch(() => null);
  if (!folder?.isDirectory()) throw new AppError('io', `Cannot export: the folder "${dir}" does not exist.`);
  const existing = await stat(outPath).catch(() => null);
  if (existing?.isDirectory()) throw new AppError('io', `"${outPath}" is a folder; choose a file name for the ZIP.`);
}

function zipWriter(archive: ZipArchive, stop: Promise<never>): DatasetWriter {
  const date = new Date();
  const append = (source: Buffer | ReadStream, name: string, store: boolean) =>
    Promise.race([appendEntry(archive, source, { name, store, date }), stop]);
  /**
   * Adds a source file byte for byte. Files up to WHOLE_FILE_LIMIT are read whole: one CRC pass over a buffer is
   * faster than a stream, and the local header then carries the sizes (no data descriptor), which even streaming
   * unzippers handle. Bigger files are streamed so memory stays bounded. archiver re-pipes a stream and a read
   * error would not reach it (the entry would wait forever), so that error is raced here and names the image.
   */
  const appendFile = async (item: ExportItem, path: string) => {
    const cannotRead = (e: NodeJS.ErrnoException) =>
      new AppError('io', `Cannot read "${item.image.relPath}" (${e.code ?? e.message}).`);
    const whole = await readIfSmall(path).catch((e: NodeJS.ErrnoException) => {
      throw cannotRead(e);
    });
    if (whole) return append(whole, item.fileName, true);
    const stream = createReadStream(path);
    const readFailed = new Promise<never>((_, reject) => {
      stream.once('error', (e: NodeJS.ErrnoException) => reject(cannotRead(e)));
    });
    readFailed.catch(() => {});
    try {
      await Promise.race([append(stream, item.fileName, true), readFailed]);
    } finally {
      stream.destroy();
    }
  };
  return {
    async add(item: ExportItem, image: ImagePayload, caption: Buffer) {
      if (image.kind === 'buffer') await append(image.data, item.fileName, true);
      else await appendFile(item, image.path);
      await append(caption, item.captionName, false);
    },
    bytes: () => archive.pointer(),
  };
}

/** The file's bytes when it is at most WHOLE_FILE_LIMIT long, else null (read it as a stream). */
async function readIfSmall(path: string): Promise<Buffer | null> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    return size <= WHOLE_FILE_LIMIT ? await fh.readFile() : null;
  } finally {
    await fh.close();
  }
}

/** Appends one entry and resolves once archiver has written it (it emits `entry`), so entries go one at a time. */
function appendEntry(
  archive: ZipArchive,
  source: Buffer | ReadStream,
  data: { name: string; store: boolean; date: Date },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      archive.off('entry', onEntry).off('error', onError).off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onEntry = () => done();
    const onError = (e: Error) => done(e);
    const onClose = () => done(new Error('The ZIP stream closed before the export finished.'));
    archive.on('entry', onEntry).on('error', onError).on('close', onClose);
    archive.append(source, data);
  });
}
