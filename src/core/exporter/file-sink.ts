import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';

/** Bytes the sink buffers before it pushes back: a few large writes per megabyte instead of many small ones. */
const HIGH_WATER_MARK = 4 * 1024 * 1024;

/**
 * The end of the ZIP pipe: writes to an open file with one writev per batch of chunks, fsyncs it when the stream
 * ends, and counts the bytes that have reached the file. `until(n)` lets the writer wait until the first `n`
 * bytes are written, so it knows when a buffer it handed over can be refilled (fs.WriteStream offers no such
 * signal). The caller owns the handle: it opens and closes it.
 */
export class FileSink extends Writable {
  /** Bytes written to the file so far. */
  written = 0;
  private waiting: { bytes: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;

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
    this.file.sync().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.failure = error ?? new Error('The ZIP file was closed before the export finished.');
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
    callback(error);
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
