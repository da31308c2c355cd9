import { type ImagePayload, renderImage } from './convert';
import { cancelledError, throwIfCancelled } from './export-errors';
import type { Layout } from './layout';
import type { ExportItem, ExportOptions, ExportPlan } from './types';

/** Where an export puts its files: a ZIP stream or a folder. */
export interface DatasetWriter {
  /**
   * Writes one image and its caption; resolves when both are written (or handed on to the ZIP stream). Should
   * settle promptly on abort (the ZIP writer does); the folder writer simply finishes its current file.
   */
  add(item: ExportItem, image: ImagePayload, caption: Buffer | null): Promise<void>;
  /** Writes a file of the layout's own (a trainer's config, a metadata list) after the images. */
  addFile(name: string, data: Buffer): Promise<void>;
  /** Bytes written so far. */
  bytes(): number;
  /** Prepares an item's image ahead of `add` (while the previous item is written); defaults to renderImage. */
  render?(item: ExportItem): Promise<ImagePayload>;
}

export interface WriteCounts {
  converted: number;
  copied: number;
  resized: number;
  locationRemoved: number;
}

/**
 * Feeds every planned item to `writer` in order, reporting progress and stopping promptly on abort. The next
 * image is rendered while the current one is written, so a conversion (CPU) overlaps the previous copy (disk);
 * at most two encoded images are in memory at once.
 */
export async function writeItems(
  plan: ExportPlan,
  opts: ExportOptions,
  writer: DatasetWriter,
  layout: Layout,
): Promise<WriteCounts> {
  const { items } = plan;
  const total = items.length;
  const counts: WriteCounts = { converted: 0, copied: 0, resized: 0, locationRemoved: 0 };
  opts.onProgress?.({ done: 0, total, bytes: 0 });
  const render = (item: ExportItem) => quiet(writer.render ? writer.render(item) : renderImage(item));
  let next = items[0] ? render(items[0]) : undefined;
  for (let i = 0; i < total; i++) {
    const item = items[i] as ExportItem;
    throwIfCancelled(opts.signal);
    const payload = await abortable(next as Promise<ImagePayload>, opts.signal);
    const following = items[i + 1];
    next = following ? render(following) : undefined;
    // Captions are written exactly as stored: UTF-8 (Buffer.from never adds a BOM), no trailing newline.
    // Not raced against the signal: a writer must settle before its output can be cleaned up safely.
    const caption = item.captionName === null ? null : Buffer.from(item.image.caption ?? '', 'utf8');
    await writer.add(item, payload, caption);
    if (item.mode === 'copy') counts.copied++;
    else counts.converted++;
    if (item.resize !== null) counts.resized++;
    if (payload.locationRemoved) counts.locationRemoved++;
    opts.onProgress?.({ done: i + 1, total, bytes: writer.bytes() });
  }
  for (const extra of layout.extras(items)) {
    throwIfCancelled(opts.signal);
    await writer.addFile(extra.name, extra.data);
  }
  throwIfCancelled(opts.signal);
  return counts;
}

/** Marks a prefetched promise as handled so an abandoned prefetch cannot crash the process; awaiting it still throws. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/** Rejects as soon as `signal` aborts, without waiting for `p` (the caller cleans up what `p` was doing). */
function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(cancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
