// The export benchmark's dataset: noisy ~0.8 MB JPEGs with captions, as many as it takes to reach a target size.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ImageEntry } from '../src/shared/dataset';
import { makeImage } from '../tests/support/image-entry';

export const TRIGGER = 'TOK';
const W = 1200;
const H = 900;
/** Distinct images encoded; the rest are byte copies of them (still separate files), to keep setup quick. */
const UNIQUE = 30;

/** Random low-frequency "scene" plus per-pixel noise: compresses like a busy photo (~0.8 MB at quality 90). */
async function noisyJpeg(withGps: boolean): Promise<Buffer> {
  const scene = await sharp(randomBytes(12 * 9 * 3), { raw: { width: 12, height: 9, channels: 3 } })
    .resize(W, H, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const noise = randomBytes(scene.length);
  for (let i = 0; i < scene.length; i++) scene[i] = ((scene[i] ?? 0) + (noise[i] ?? 0) * 7) >> 3;
  const jpeg = sharp(scene, { raw: { width: W, height: H, channels: 3 } }).jpeg({ quality: 90 });
  return (withGps ? jpeg.withExif(PHONE_EXIF) : jpeg).toBuffer();
}

/** What a phone writes: camera, time and where (the export removes the GPS part by default). */
const PHONE_EXIF = {
  IFD0: { Make: 'Bench', Model: 'Phone' },
  IFD2: { DateTimeOriginal: '2025:06:01 10:00:00' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' },
};

export function captionOf(image: ImageEntry): Buffer {
  return Buffer.from(image.caption ?? '', 'utf8');
}

/** Bytes a dataset export holds: every image plus its caption. */
export function datasetBytes(images: ReadonlyArray<ImageEntry>): number {
  return images.reduce((n, i) => n + i.bytes + captionOf(i).length, 0);
}

/**
 * Writes JPEGs into `dir` until they add up to `targetBytes`; returns their entries (all exported as copies).
 * `withGps`: each carries a phone's EXIF with GPS tags.
 */
export async function makeDataset(dir: string, targetBytes: number, withGps = false): Promise<ImageEntry[]> {
  await mkdir(dir);
  const images: ImageEntry[] = [];
  for (let i = 0, total = 0; total < targetBytes; i++) {
    const name = `photo_${String(i).padStart(5, '0')}`;
    const source = join(dir, `${name}.jpg`);
    if (i < UNIQUE) await writeFile(source, await noisyJpeg(withGps));
    else await copyFile(join(dir, `photo_${String(i % UNIQUE).padStart(5, '0')}.jpg`), source);
    const s = await stat(source);
    images.push(
      makeImage(name, {
        source,
        width: W,
        height: H,
        bytes: s.size,
        mtimeMs: s.mtimeMs,
        caption: `photo of ${TRIGGER} a noisy test pattern number ${i} on a grey background`,
        model: null,
        provider: null,
      }),
    );
    total += s.size;
  }
  return images;
}
