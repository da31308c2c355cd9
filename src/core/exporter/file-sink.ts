import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';

/** Bytes the sink buffers before it pushes back: a few large writes per megabyte instead of many small ones. */
const HIGH_WATER_MARK = 4 * 1024 * 1024;
/**
 * Write-behind: each time this much more is in the page cache, a datasync starts (one at a time) while writing
 * goes on, so the disk works alongside the export instead of taking all of it at the closing fsync.
 */
const FLUSH_EVERY = 64 * 1024 * 1024;

/**
 * The end of the ZIP pipe: writes to an open file with one writev per batch of chunks, writes back to disk as it
 * goes (FLUSH_EVERY), fsyncs the file when the stream ends, and counts the bytes that have reached the file.
 * `until(n)` lets the writer wait until the first `n` bytes are written, so it knows when a buffer it handed over
 * can be refilled (fs.WriteStream offers no such signal). The caller owns the handle: it opens and closes it.
 */
export class FileSink extends Writable {
  /** Bytes written to the file so far. */
  written = 0;
  private waiting: { bytes: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;
  private flushing: Promise<void> | null = null;
  private flushedUpTo = 0;

  constructor(private readonly file: FileHandle) {
    super({ highWaterMark: HIGH_WATER_MARK });
  }

  /** Resolves once `bytes` bytes are in the file; rejects if the sink fails or is destroyed first. */
  until(bytes: number): Promise<void> {
    if (this.written >= bytes) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ bytes, resolve, reject }));
  }

  override _writev(chunks: Array<{ chunk: Buffer }>, callback: (error?: Error | null) => void): void {
    this.writeAll(chunks.map((c) => c.chunk)).then(() => callback(), callback);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.writeAll([chunk]).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    Promise.resolve(this.flushing)
      .then(() => this.file.sync())
      .then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.failure = error ?? new Error('The ZIP file was closed before the export finished.');
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
    callback(error);
  }

  /** Starts writing back what is in the page cache while more is written (one datasync at a time). */
  private writeBehind(): void {
    if (this.flushing || this.written - this.flushedUpTo < FLUSH_EVERY) return;
    this.flushedUpTo = this.written;
    this.flushing = this.file.datasync().finally(() => {
      this.flushing = null;
    });
    this.flushing.catch((e: Error) => this.destroy(e));
  }

  /** writev may write less than asked (rarely, for regular files); the rest follows in further calls. */
  private async writeAll(buffers: Buffer[]): Promise<void> {
    let pending = buffers;
    while (pending.length > 0) {
      const { bytesWritten } = await this.file.writev(pending);
      if (bytesWritten === 0) throw new Error('The disk accepted no more data.');
      this.written += bytesWritten;
      pending = dropBytes(pending, bytesWritten);
    }
    this.writeBehind();
    const reached = this.waiting.filter((w) => this.written >= w.bytes);
    this.waiting = this.waiting.filter((w) => this.written < w.bytes);
    for (const w of reached) w.resolve();
  }
}

/** `buffers` without their first `n` bytes. */
function dropBytes(buffers: Buffer[], n: number): Buffer[] {
  let skip = n;
  const rest: Buffer[] = [];
  for (const b of buffers) {
    if (skip >= b.length) skip -= b.length;
    else {
      rest.push(skip > 0 ? b.subarray(skip) : b);
      skip = 0;
    }
  }
  return rest;
}
