import type { ByteSource } from './byte-source';
import { gpsPatchesInTiff, MalformedExif, type Patch, shift } from './gps-tiff';
import { gpsPatchesInXmp } from './gps-xmp';

const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');
const XMP_ID = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const APP1 = 0xe1;
/** Start of scan: the entropy-coded image data follows, and no metadata segment comes after it. */
const SOS = 0xda;
const EOI = 0xd9;

/**
 * GPS patches for a JPEG (offsets from the file's start), reading only its header segments: the EXIF block's GPS
 * IFD (gps-tiff.ts) and any GPS properties in XMP. An EXIF block too broken to edit safely is blanked whole
 * (its identifier and length stay, so readers skip it): the location is the one thing that must not stay.
 */
export async function gpsPatchesInJpeg(source: ByteSource): Promise<Patch[]> {
  const soi = await source.read(0, 2);
  if (soi[0] !== 0xff || soi[1] !== 0xd8) return [];
  const patches: Patch[] = [];
  let at = 2;
  while (at + 4 <= source.size) {
    const head = await source.read(at, 4);
    if (head[0] !== 0xff) break; // not a marker: nothing we can read further
    const marker = head[1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === SOS || marker === EOI) break;
    const length = head.readUInt16BE(2);
    if (length < 2) break;
    const dataAt = at + 4;
    if (marker === APP1) patches.push(...(await app1Patches(source, dataAt, length - 2)));
    at = dataAt + length - 2;
  }
  return patches;
}

async function app1Patches(source: ByteSource, at: number, length: number): Promise<Patch[]> {
  const data = await source.read(at, Math.min(length, source.size - at));
  if (data.subarray(0, EXIF_ID.length).equals(EXIF_ID)) {
    const tiffAt = EXIF_ID.length;
    try {
      return shift(gpsPatchesInTiff(data.subarray(tiffAt)), at + tiffAt);
    } catch (e) {
      if (!(e instanceof MalformedExif)) throw e;
      return [{ offset: at + tiffAt, bytes: Buffer.alloc(data.length - tiffAt) }];
    }
  }
  if (data.subarray(0, XMP_ID.length).equals(XMP_ID)) return shift(gpsPatchesInXmp(data), at);
  return [];
}
