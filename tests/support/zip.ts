import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipEntryRead {
  data: Buffer;
  method: number;
  utf8Flag: boolean;
}

/**
 * Every entry of a ZIP with how it was stored, read back with yauzl (which checks sizes), plus the checks yauzl
 * leaves out and other unzippers make: each entry's CRC-32, and a local header that agrees with the central
 * directory (or defers CRC and sizes to a data descriptor), which streaming unzippers read instead.
 */
export async function readZipEntries(path: string): Promise<Map<string, ZipEntryRead>> {
  const zip = await yauzl.openPromise(path);
  const out = new Map<string, ZipEntryRead>();
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      const data = Buffer.concat(chunks);
      if (crc32(data) !== entry.crc32) throw new Error(`${entry.fileName}: CRC-32 does not match its data`);
      await checkLocalHeader(zip, entry);
      out.set(entry.fileName, {
        data,
        method: entry.compressionMethod,
        utf8Flag: (entry.generalPurposeBitFlag & 0x800) !== 0,
      });
    }
  } finally {
    zip.close();
  }
  return out;
}

const DATA_DESCRIPTOR_FLAG = 0x8;

async function checkLocalHeader(zip: ZipFile, entry: Entry): Promise<void> {
  const local = await zip.readLocalFileHeaderPromise(entry);
  const deferred = (local.generalPurposeBitFlag & DATA_DESCRIPTOR_FLAG) !== 0;
  const agrees =
    local.generalPurposeBitFlag === entry.generalPurposeBitFlag &&
    local.compressionMethod === entry.compressionMethod &&
    (deferred ||
      (local.crc32 === entry.crc32 &&
        local.compressedSize === entry.compressedSize &&
        local.uncompressedSize === entry.uncompressedSize));
  if (!agrees) throw new Error(`${entry.fileName}: the local header disagrees with the central directory`);
}

/** Every entry of a ZIP (tests only): name -> bytes. */
export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const entries = await readZipEntries(path);
  return new Map([...entries].map(([name, entry]) => [name, entry.data]));
}
