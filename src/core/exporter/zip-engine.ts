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

/**
 * archiver's ZIP engine (zip-stream on compress-commons: headers, central directory, ZIP64, UTF-8 names), with
 * one step replaced: how an entry given as a Buffer gets its CRC and data. The stock step computes the CRC in
 * JavaScript (the crc-32 package, about a third of native speed) and deflates through an async stream with a
 * data descriptor. Here the CRC comes from zlib's native crc32 and a small buffer is deflated in one synchronous
 * call, so every Buffer entry carries its CRC and sizes in the local header (no data descriptor) and is written
 * as the header plus one chunk. Streamed entries (files too big to hold in memory) keep the stock path.
 * The override mirrors compress-commons' own `_appendBuffer` (7.x); the export tests read every ZIP back and
 * check each entry's CRC, sizes and local header (tests/support/zip.ts), so a change in that contract fails them.
 */
class DatasetZipStream extends ZipStream {
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
