import { crc32 } from 'node:zlib';
import type { ByteSource } from './byte-source';
import { applyPatches } from './gps-apply';
import { gpsPatchesInTiff, MalformedExif, type Patch, shift } from './gps-tiff';
import { gpsPatchesInXmp } from './gps-xmp';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** iTXt keyword of an XMP packet; only an uncompressed one can be edited in place. */
const XMP_KEYWORD = Buffer.from('XML:com.adobe.xmp\0', 'latin1');
/** Chunks bigger than this are image data or ICC profiles, never metadata we edit: their bytes are not read. */
const MAX_METADATA_CHUNK = 16 * 1024 * 1024;

/**
 * GPS patches for a PNG (offsets from the file's start): the eXIf chunk's EXIF block (gps-tiff.ts) and GPS
 * properties of an uncompressed XMP iTXt chunk, each with its chunk's CRC rewritten to match. Every chunk header is
 * read (eXIf may legally follow the image data), but only those two chunks' contents.
 */
export async function gpsPatchesInPng(source: ByteSource): Promise<Patch[]> {
  if (!(await source.read(0, 8)).equals(SIGNATURE)) return [];
  const patches: Patch[] = [];
  let at = 8;
  while (at + 12 <= source.size) {
    const head = await source.read(at, 8);
    const length = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    const dataAt = at + 8;
    if (type === 'IEND' || dataAt + length + 4 > source.size) break;
    if ((type === 'eXIf' || type === 'iTXt') && length <= MAX_METADATA_CHUNK) {
      const data = await source.read(dataAt, length);
      const found = type === 'eXIf' ? exifPatches(data) : xmpPatches(data);
      if (found.length > 0)
        patches.push(...shift(found, dataAt), crcPatch(head.subarray(4, 8), data, found, dataAt + length));
    }
    at = dataAt + length + 4;
  }
  return patches;
}

function exifPatches(data: Buffer): Patch[] {
  try {
    return gpsPatchesInTiff(data);
  } catch (e) {
    if (!(e instanceof MalformedExif)) throw e;
    return [{ offset: 0, bytes: Buffer.alloc(data.length) }];
  }
}

function xmpPatches(data: Buffer): Patch[] {
  if (!data.subarray(0, XMP_KEYWORD.length).equals(XMP_KEYWORD)) return [];
  // keyword\0, compression flag, compression method, language tag\0, translated keyword\0, text
  const flagAt = XMP_KEYWORD.length;
  if (data[flagAt] !== 0) return [];
  const languageEnd = data.indexOf(0, flagAt + 2);
  const textAt = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1) + 1;
  if (textAt <= 0) return [];
  return shift(gpsPatchesInXmp(data.subarray(textAt)), textAt);
}

/** The chunk's CRC (over its type and data) after the patches. */
function crcPatch(type: Buffer, data: Buffer, patches: Patch[], crcAt: number): Patch {
  const patched = Buffer.from(data);
  applyPatches(patched, patches);
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc32(patched, crc32(type)) >>> 0);
  return { offset: crcAt, bytes };
}
