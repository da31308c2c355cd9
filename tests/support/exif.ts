import sharp from 'sharp';

/**
 * Test-side EXIF reading, written apart from the exporter's GPS editor so the tests do not check the code with
 * itself: every tag of IFD0, the Exif IFD, the GPS IFD and IFD1 with its type, count and value bytes.
 */
export interface Tag {
  ifd: 'IFD0' | 'Exif' | 'GPS' | 'IFD1';
  tag: number;
  type: number;
  count: number;
  value: string; // hex of the value bytes
}

const SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };

function tiffTags(tiff: Buffer): Tag[] {
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const tags: Tag[] = [];
  const readIfd = (at: number, ifd: Tag['ifd']): number => {
    const n = u16(at);
    for (let i = 0; i < n; i++) {
      const e = at + 2 + i * 12;
      const type = u16(e + 2);
      const count = u32(e + 4);
      const size = (SIZES[type] ?? 1) * count;
      const start = size <= 4 ? e + 8 : u32(e + 8);
      tags.push({ ifd, tag: u16(e), type, count, value: tiff.subarray(start, start + size).toString('hex') });
      if (u16(e) === 0x8769) readIfd(u32(e + 8), 'Exif');
      if (u16(e) === 0x8825) readIfd(u32(e + 8), 'GPS');
    }
    return u32(at + 2 + n * 12);
  };
  const ifd1 = readIfd(u32(4), 'IFD0');
  if (ifd1 !== 0) readIfd(ifd1, 'IFD1');
  return tags;
}

/** The image's EXIF tags as sharp hands over its EXIF block (`Exif\0\0` + TIFF); [] without one. */
export async function exifTags(image: Buffer): Promise<Tag[]> {
  const { exif } = await sharp(image).metadata();
  if (!exif || exif.length < 14) return [];
  return tiffTags(exif.subarray(exif.toString('latin1', 0, 4) === 'Exif' ? 6 : 0));
}

/** Decoded pixels, to show an edit touched no image data. */
export async function pixels(image: Buffer): Promise<Buffer> {
  return sharp(image).raw().toBuffer();
}

/** A GPS block as a phone writes one: where (51°30'12.34"N 0°7'39"W), how high, and the date. */
export const GPS_IFD = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '51/1 30/1 1234/100',
  GPSLongitudeRef: 'W',
  GPSLongitude: '0/1 7/1 3900/100',
  GPSAltitude: '35/1',
  GPSDateStamp: '2024:12:24',
};

/** A photo with camera tags, a capture date and (unless `gps` is false) a location, made with sharp's withExif. */
export async function photoWithGps(format: 'jpeg' | 'png', gps = true): Promise<Buffer> {
  const base = sharp({
    create: { width: 160, height: 120, channels: 3, background: { r: 136, g: 68, b: 34 } },
  }).composite([{ input: { create: { width: 30, height: 20, channels: 3, background: '#2266aa' } }, top: 5, left: 7 }]);
  const encoded = format === 'jpeg' ? base.jpeg({ quality: 90 }) : base.png();
  return encoded
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Model X', Copyright: 'Caption Studio tests' },
      IFD2: { DateTimeOriginal: '2025:06:01 10:00:00' },
      ...(gps ? { IFD3: GPS_IFD } : {}),
    })
    .toBuffer();
}
