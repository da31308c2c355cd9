import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';
import { syncDir, tempPathBeside } from '../fs';
import { type ImagePayload, renderImage } from './convert';
import { planOrRefuse, throwIfCancelled, toExportError } from './export-errors';
import { FileSink } from './file-sink';
import { applyPatches, patchingStream } from './gps-apply';
import { Halt } from './halt';
import { FLAT_LAYOUT, type Layout, layOut } from './layout';
import { locationPatches } from './location';
import type { ExportItem, ExportOptions, ExportReport } from './types';
import { WholeFileReader } from './whole-file-reader';
import { type DatasetWriter, writeItems } from './write-items';
import { createDatasetZip, type DatasetZip } from './zip-engine';

export { WHOLE_FILE_LIMIT } from './whole-file-reader';

/** Most bytes handed to the ZIP stream but not yet in the file; past it the writer waits, so memory stays flat. */
const MAX_BACKLOG = 8 * 1024 * 1024;
/** Read size for streamed (oversized) sources: fewer, larger reads than the 64 KB default. */
const STREAM_CHUNK = 1024 * 1024;

/** Where a writer puts the pairs: the preset's layout (flat pairs when absent) and its name for the report. */
export interface LaidOut {
  layout?: Layout;
  preset?: ExportReport['preset'];
}

/**
 * A ZIP of `name.jpg|png` + `name.txt` pairs (flat for Replicate, in the preset's folders otherwise, plus its own
 * files such as ai-toolkit's config.yaml), streamed straight to a temp file
 * beside `outPath`, fsynced, and renamed over it only when complete, so memory stays flat whatever the dataset
 * size and a failure or cancel leaves no partial file (an existing `outPath` is untouched until the final rename).
 * Entry names are UTF-8 with the language-encoding flag set (compress-commons sets it for any non-ASCII name).
 * Images are STOREd (already compressed, so deflate only costs time); captions are deflated.
 */
export async function exportZip(opts: ExportOptions & LaidOut & { outPath: string }): Promise<ExportReport> {
  const { outPath, signal, layout = FLAT_LAYOUT } = opts;
  const plan = layOut(await planOrRefuse(opts.images, opts.trigger, opts.shaping), layout);
  throwIfCancelled(signal);
  await checkZipTarget(outPath);
  const tmp = tempPathBeside(outPath);
  const file = await open(tmp, 'wx').catch((e: unknown) => {
    throw toExportError(e, outPath, signal);
  });
  const sink = new FileSink(file);
  const zip = createDatasetZip({ zlib: { level: 9 } });
  // Settles once the sink has fsynced the file, or with the first error of either stream.
  const written = pipeline(zip, sink);
  const halt = new Halt(signal);
  written.catch((e: unknown) => halt.stop(e));
  try {
    const counts = await writeItems(plan, opts, zipWriter(zip, sink, halt), layout);
    zip.finalize();
    await halt.guard(written);
    await file.close();
    await rename(tmp, outPath);
    await syncDir(dirname(outPath));
    return {
      ...{ preset: opts.preset ?? 'replicate', target: 'zip', path: outPath, images: plan.items.length },
      ...{ bytes: sink.written, warnings: plan.warnings, ...counts, written: [], backups: [] },
    };
  } catch (e) {
    zip.destroy();
    sink.destroy();
    await written.catch(() => {});
    await file.close().catch(() => {}); // waits for a write still in flight
    await rm(tmp, { force: true }).catch(() => {});
    throw toExportError(e, outPath, signal);
  } finally {
    halt.dispose();
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

function zipWriter(zip: DatasetZip, sink: FileSink, halt: Halt): DatasetWriter {
  const date = new Date();
  const reader = new WholeFileReader();
  const append = (source: Buffer | Readable, name: string, store: boolean) =>
    halt.guard(appendEntry(zip, source, { name, store, date }));
  const cannotRead = (item: ExportItem, e: NodeJS.ErrnoException) =>
    new AppError('io', `Cannot read "${item.image.relPath}" (${e.code ?? e.message}).`);

  /**
   * A copy is read ahead, whole, into one of the reader's rotating buffers (up to WHOLE_FILE_LIMIT): the local
   * header then carries CRC and sizes (no data descriptor), which even streaming unzippers handle. Bigger files
   * are streamed at `add` time so memory stays bounded.
   */
  const readCopy = async (item: ExportItem): Promise<ImagePayload> => {
    const whole = await reader.read(item.image.source).catch((e: NodeJS.ErrnoException) => {
      throw cannotRead(item, e);
    });
    // GPS tags are blanked in the bytes read (our own buffer), or in the stream as it flows past.
    const patches = await locationPatches(item, whole?.bytes).catch((e: NodeJS.ErrnoException) => {
      whole?.release(Promise.resolve());
      throw cannotRead(item, e);
    });
    const locationRemoved = patches.length > 0;
    if (!whole) return { kind: 'file', path: item.image.source, patches, locationRemoved };
    applyPatches(whole.bytes, patches);
    return { kind: 'buffer', data: whole.bytes, release: whole.release, locationRemoved };
  };

  /**
   * zip-stream re-pipes a stream and a read error would not reach it (the entry would wait forever), so that
   * error is raced here and names the image.
   */
  const appendStream = async (item: ExportItem, image: ImagePayload & { kind: 'file' }) => {
    const stream = createReadStream(image.path, { highWaterMark: STREAM_CHUNK });
    const patched = image.patches.length > 0 ? stream.pipe(patchingStream(image.patches)) : stream;
    const readFailed = new Promise<never>((_, reject) => {
      stream.once('error', (e: NodeJS.ErrnoException) => reject(cannotRead(item, e)));
    });
    readFailed.catch(() => {});
    try {
      await Promise.race([append(patched, item.fileName, true), readFailed]);
    } finally {
      stream.destroy();
      patched.destroy();
    }
  };

  return {
    render: (item) => (item.mode === 'copy' ? readCopy(item) : renderImage(item)),
    async add(item: ExportItem, image: ImagePayload, caption: Buffer | null) {
      try {
        await halt.guard(sink.until(zip.getBytesWritten() - MAX_BACKLOG));
        if (image.kind === 'buffer') await append(image.data, item.fileName, true);
        else await appendStream(item, image);
      } finally {
        // The image's bytes may sit in a reused buffer: it is free once they are in the file.
        if (image.kind === 'buffer') image.release?.(sink.until(zip.getBytesWritten()));
      }
      if (caption && item.captionName) await append(caption, item.captionName, false);
    },
    addFile: (name, data) => append(data, name, false),
    bytes: () => zip.getBytesWritten(),
  };
}

/** Appends one entry; resolves once zip-stream has taken it (its callback), so entries go one at a time. */
function appendEntry(
  zip: DatasetZip,
  source: Buffer | Readable,
  data: { name: string; store: boolean; date: Date },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    zip.entry(source, data, (error) => (error ? reject(error) : resolve()));
  });
}
