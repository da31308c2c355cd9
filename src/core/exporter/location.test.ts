import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exifTags, GPS_IFD, photoWithGps, pixels, type Tag } from '../../../tests/support/exif';
import { applyPatches, patchingStream } from './gps-apply';
import { gpsPatchesInTiff } from './gps-tiff';
import { gpsPatchesInXmp } from './gps-xmp';
import { locationPatches } from './location';
import type { ExportItem } from './types';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'location-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function itemFor(data: Buffer, format: 'jpeg' | 'png', stripLocation = true): Promise<ExportItem> {
  const source = join(dir, `${Math.random().toString(36).slice(2)}.${format}`);
  await writeFile(source, data);
  const image: ExportItem['image'] = {
    ...{ id: 'a', source, relPath: 'a', format, width: 96, height: 64, orientation: 1, hasAlpha: false },
    ...{ bytes: data.length, mtimeMs: 0, exportName: 'a', caption: null, captionSource: null, status: 'new' },
    ...{ error: null, excluded: false, model: null, provider: null, takenAt: null, phash: null },
  };
  return { image, fileName: 'x', captionName: 'x.txt', mode: 'copy', resize: null, stripLocation };
}

async function stripped(data: Buffer, format: 'jpeg' | 'png'): Promise<Buffer> {
  const patches = await locationPatches(await itemFor(data, format));
  const out = Buffer.from(data);
  applyPatches(out, patches);
  return out;
}

const withoutGps = (tags: Tag[]) => tags.filter((t) => t.ifd !== 'GPS' && t.tag !== 0x8825);

describe.each(['jpeg', 'png'] as const)('GPS removal from %s', (format) => {
  it('removes every GPS tag and its values, keeps every other tag and the pixels byte-identical', async () => {
    const original = await photoWithGps(format);
    const before = await exifTags(original);
    expect(before.filter((t) => t.ifd === 'GPS').length).toBeGreaterThanOrEqual(Object.keys(GPS_IFD).length);
    const out = await stripped(original, format);
    expect(out.length).toBe(original.length);
    const after = await exifTags(out);
    expect(after.filter((t) => t.ifd === 'GPS' || t.tag === 0x8825)).toEqual([]);
    expect(after).toEqual(withoutGps(before));
    expect((await pixels(out)).equals(await pixels(original))).toBe(true);
    // The values are gone from the bytes, not only unreachable.
    expect(out.includes(Buffer.from(GPS_IFD.GPSDateStamp, 'latin1'))).toBe(false);
    expect(original.includes(Buffer.from(GPS_IFD.GPSDateStamp, 'latin1'))).toBe(true);
  });

  it('leaves a photo without GPS, or one whose location the user keeps, untouched', async () => {
    expect(await locationPatches(await itemFor(await photoWithGps(format, false), format))).toEqual([]);
    expect(await locationPatches(await itemFor(await photoWithGps(format), format, false))).toEqual([]);
  });
});

describe('GPS removal details', () => {
  it("rewrites a PNG eXIf chunk's CRC to match", async () => {
    const out = await stripped(await photoWithGps('png'), 'png');
    const at = out.indexOf('eXIf', 8, 'latin1');
    const length = out.readUInt32BE(at - 4);
    expect(out.readUInt32BE(at + 4 + length)).toBe(crc32(out.subarray(at, at + 4 + length)) >>> 0);
  });

  it('blanks a whole EXIF block whose GPS pointer leads outside it (the location must not stay)', async () => {
    const original = await photoWithGps('jpeg');
    const broken = Buffer.from(original);
    const tiffAt = broken.indexOf('Exif\0\0', 0, 'latin1') + 6;
    const tiff = broken.subarray(tiffAt);
    const gpsEntry = tiff.indexOf(Buffer.from([0x25, 0x88, 0x04, 0x00])); // tag 0x8825, LONG, little-endian
    tiff.writeUInt32LE(0xfffff0, gpsEntry + 8);
    const out = await stripped(broken, 'jpeg');
    expect(await exifTags(out)).toEqual([]);
    expect((await pixels(out)).equals(await pixels(original))).toBe(true);
  });

  it('reads big-endian (Motorola) EXIF too', () => {
    // IFD0 with one entry, GPSInfo -> GPS IFD at 26 with GPSLatitudeRef 'N' inline and GPSLatitude at 52.
    const t = Buffer.alloc(80);
    t.write('MM', 0, 'latin1');
    t.writeUInt16BE(42, 2);
    t.writeUInt32BE(8, 4);
    t.writeUInt16BE(1, 8);
    t.writeUInt16BE(0x8825, 10);
    t.writeUInt16BE(4, 12);
    t.writeUInt32BE(1, 14);
    t.writeUInt32BE(26, 18);
    t.writeUInt16BE(2, 26);
    t.writeUInt16BE(1, 28);
    t.writeUInt16BE(2, 30);
    t.writeUInt32BE(2, 32);
    t.write('N\0', 36, 'latin1');
    t.writeUInt16BE(2, 40);
    t.writeUInt16BE(5, 42);
    t.writeUInt32BE(3, 44);
    t.writeUInt32BE(52, 48);
    t.fill(0x51, 52, 76);
    const out = Buffer.from(t);
    applyPatches(out, gpsPatchesInTiff(t));
    expect(out.readUInt16BE(8)).toBe(0); // no entry left in IFD0
    expect(out.subarray(26).every((b) => b === 0)).toBe(true); // GPS IFD and its values zeroed
  });

  it('blanks GPS properties of an XMP packet in both forms and keeps the rest well-formed', () => {
    const xmp = Buffer.from(
      '<rdf:Description exif:GPSLatitude="51,30.2N" xmp:Rating="5" exif:GPSLongitude=\'0,7.6W\'>' +
        '<exif:GPSAltitude>35/1</exif:GPSAltitude><dc:title>Hall</dc:title></rdf:Description>',
      'latin1',
    );
    const out = Buffer.from(xmp);
    applyPatches(out, gpsPatchesInXmp(xmp));
    const text = out.toString('latin1');
    expect(out.length).toBe(xmp.length);
    expect(text).not.toMatch(/GPS|51,30|0,7\.6|35\/1/);
    expect(text.replace(/\s+/g, ' ')).toBe(
      '<rdf:Description xmp:Rating="5" > <dc:title>Hall</dc:title></rdf:Description>',
    );
  });

  it('patches a file streamed in small pieces exactly as a buffer read whole', async () => {
    const original = await photoWithGps('jpeg');
    const patches = await locationPatches(await itemFor(original, 'jpeg'));
    const pieces = Array.from({ length: Math.ceil(original.length / 7) }, (_, i) =>
      original.subarray(i * 7, i * 7 + 7),
    );
    const streamed = await buffer(Readable.from(pieces).pipe(patchingStream(patches)));
    expect(streamed.equals(await stripped(original, 'jpeg'))).toBe(true);
  });
});
