// Types for zip-stream, archiver's ZIP engine (the package ships none): the public API plus the protected hooks
// that ZipArchiveOutputStream (compress-commons) defines for subclasses and DatasetZipStream overrides.
declare module 'zip-stream' {
  import { Transform } from 'node:stream';
  import type { ZlibOptions } from 'node:zlib';

  export interface ZipStreamOptions {
    zlib?: ZlibOptions;
    forceZip64?: boolean;
  }

  export interface ZipEntryData {
    name: string;
    /** STORE instead of deflate. */
    store?: boolean;
    date?: Date;
  }

  /** compress-commons' ZipArchiveEntry, as far as a subclass needs it. */
  export interface ZipArchiveEntry {
    getMethod(): number;
    setMethod(method: number): void;
    setSize(size: number): void;
    setCompressedSize(size: number): void;
    setCrc(crc: number): void;
    getGeneralPurposeBit(): { useDataDescriptor(on: boolean): void };
  }

  export type EntryCallback = (error: Error | null, entry?: ZipArchiveEntry) => void;

  export default class ZipStream extends Transform {
    constructor(options?: ZipStreamOptions);
    /** Adds one entry; `callback` runs once its data has been handed to the stream. One entry at a time. */
    entry(source: Buffer | NodeJS.ReadableStream, data: ZipEntryData, callback: EntryCallback): this;
    /** Writes the central directory and ends the stream once the last entry is done. */
    finalize(): void;
    /** Bytes of archive produced so far (offset of the next byte). */
    getBytesWritten(): number;
    options: ZipStreamOptions;
    /** Archive position of the next byte written (what getBytesWritten returns). */
    protected offset: number;
    protected _appendBuffer(entry: ZipArchiveEntry, source: Buffer, callback: EntryCallback): void;
    protected _writeLocalFileHeader(entry: ZipArchiveEntry): void;
    protected _afterAppend(entry: ZipArchiveEntry): void;
    protected _writeCentralFileHeader(entry: ZipArchiveEntry): void;
    /** Every entry appended so far, kept for the central directory written at the end. */
    protected _entries: unknown[];
  }
}
