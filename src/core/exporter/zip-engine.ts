import type { Readable } from 'node:stream';
import { crc32, deflateRawSync, type ZlibOptions } from 'node:zlib';
import ZipStream, { type EntryCallback, type ZipArchiveEntry } from 'zip-stream';

const STORED = 0;

/** The ZIP stream an export writes into: entries go in one at a time, the archive bytes come out. */
export interface DatasetZip extends Readable {
  /** Adds one entry (STOREd when `store`, else deflated); `callback` runs once the stream has taken it. */
  entry(
    source: Buffer | Readable,
    data: { name: string; store: boolean; date?: Date },
    callback: (error: Error | null) => void,
  ): void;
  /** Ends the archive with its central directory once the last entry is in. */
  finalize(): void;
  /** Archive bytes produced so far. */
  getBytesWritten(): number;
}

export function createDatasetZip(options: { zlib?: ZlibOptions; forceZip64?: boolean }): DatasetZip {
  return new DatasetZipStream(options);
}

/** Writes up to this size are header fields or tiny entries: they are gathered instead of passed on one by one. */
const SMALL_WRITE = 512;
const STAGING_SIZE = 64 * 1024;

/**
 * compress-commons writes each header field as its own 2- or 4-byte chunk: about 20 stream writes per entry, and
 * at the end the whole central directory at once, one object per field, with no backpressure (some 50 MB of
 * objects for 12,000 entries). This layer copies small writes into one staging buffer and passes it on as a
 * single chunk before any larger write, after every entry and at the end, so the stream sees a few chunks per
 * entry and memory does not grow with the number of entries. `offset` (the archive position compress-commons
 * records in the headers) is counted as each write comes in, as the stock `write` does.
 */
class CoalescingZipStream extends ZipStream {
  private staging = Buffer.allocUnsafe(STAGING_SIZE);
  private staged = 0;
  /** While set, writes are collected here instead of going into the archive (see CompactDirectoryZipStream). */
  protected captured: Buffer[] | null = null;

  override write(chunk: unknown, ...rest: unknown[]): boolean {
    if (this.captured) {
      // compress-commons writes names and comments as strings when they are not flagged UTF-8.
      this.captured.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return true;
    }
    if (rest.length === 0 && Buffer.isBuffer(chunk) && chunk.length <= SMALL_WRITE) {
      if (this.staged + chunk.length > STAGING_SIZE) this.flushStaged();
      chunk.copy(this.staging, this.staged);
      this.staged += chunk.length;
      this.offset += chunk.length;
      return true;
    }
    this.flushStaged();
    return (super.write as (...args: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  }

  override end(...args: unknown[]): this {
    this.flushStaged();
    return (super.end as (...a: unknown[]) => this).apply(this, args);
  }

  protected override _afterAppend(entry: ZipArchiveEntry): void {
    super._afterAppend(entry);
    this.flushStaged(); // an entry's bytes are all in the stream when its callback runs
  }

  private flushStaged(): void {
    if (this.staged === 0 || this.writableEnded) return;
    const chunk = Buffer.from(this.staging.subarray(0, this.staged)); // a copy: the staging buffer is reused
    this.staged = 0;
    this.offset -= chunk.length; // already counted; the stock write counts it again
    super.write(chunk);
  }
}

/** A central-directory record already serialised: what is left of an entry once its data is written. */
interface CentralRecord {
  centralHeader: Buffer;
}

function copyUnpooled(chunks: readonly Buffer[]): Buffer {
  const out = Buffer.allocUnsafeSlow(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) at += c.copy(out, at);
  return out;
}

const isCentralRecord = (e: unknown): e is CentralRecord =>
  typeof e === 'object' && e !== null && Buffer.isBuffer((e as Partial<CentralRecord>).centralHeader);

/**
 * compress-commons keeps every ZipArchiveEntry (a dozen objects and strings, about a kilobyte) until the end, to
 * write the central directory from them: memory that grows with the number of images (+80 MB at 12,500). Each
 * entry's central record is final once its data is written, so it is serialised then (the stock code, its writes
 * captured) and kept as one small Buffer (~50 bytes plus the name) in the entry's place: `_entries.length`, which
 * compress-commons also uses for counts and the ZIP64 decision, stays right.
 */
class CompactDirectoryZipStream extends CoalescingZipStream {
  protected override _afterAppend(entry: ZipArchiveEntry): void {
    const index = this._entries.length;
    this.captured = [];
    try {
      super._writeCentralFileHeader(entry);
    } finally {
      // Its own allocation: a small Buffer.concat comes from Node's shared 8 KB pool, and a kept slice would keep
      // the whole 8 KB slab alive, which is exactly the growth this class exists to avoid.
      const centralHeader = copyUnpooled(this.captured);
      this.captured = null;
      super._afterAppend(entry);
      // Still there unless the archive finished inside super (then the directory is already written).
      if (this._entries[index] === entry) this._entries[index] = { centralHeader } satisfies CentralRecord;
    }
  }

  protected override _writeCentralFileHeader(entry: ZipArchiveEntry): void {
    if (isCentralRecord(entry)) this.write(entry.centralHeader);
    else super._writeCentralFileHeader(entry);
  }
}

/**
 * archiver's ZIP engine (zip-stream on compress-commons: headers, central directory, ZIP64, UTF-8 names), with
 * one step replaced: how an entry given as a Buffer gets its CRC and data. The stock step computes the CRC in
 * JavaScript (the crc-32 package, about a third of native speed) and deflates through an async stream with a
 * data descriptor. Here the CRC comes from zlib's native crc32 and a small buffer is deflated in one synchronous
 * call, so every Buffer entry carries its CRC and sizes in the local header (no data descriptor) and is written
 * as the header plus one chunk. Streamed entries (files too big to hold in memory) keep the stock path.
 * The overrides mirror compress-commons' own code (7.x); the export tests read every ZIP back and check each
 * entry's CRC, sizes and local header (tests/support/zip.ts), so a change in that contract fails them.
 */
class DatasetZipStream extends CompactDirectoryZipStream {
  protected override _appendBuffer(entry: ZipArchiveEntry, source: Buffer, callback: EntryCallback): void {
    if (source.length === 0) entry.setMethod(STORED);
    const data = entry.getMethod() === STORED ? source : deflateRawSync(source, this.options.zlib);
    entry.getGeneralPurposeBit().useDataDescriptor(false);
    entry.setSize(source.length);
    entry.setCompressedSize(data.length);
    entry.setCrc(crc32(source));
    this._writeLocalFileHeader(entry);
    this.write(data);
    this._afterAppend(entry);
    callback(null, entry);
  }
}
