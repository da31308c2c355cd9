/**
 * Writes the self-test's sample images (src/core/self-test/images.ts) into resources/self-test/, or into the
 * folder given: `npx tsx scripts/make-self-test-images.ts [outDir]`. The outputs are committed, so packaging never
 * runs this. sharp encodes every format but HEIC (its prebuilt libvips has no HEVC encoder), which is copied from
 * the shared fixtures instead: a real HEVC-coded file of 13 KB.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { SAMPLE_IMAGES } from '../src/core/self-test/images';
import type { ImageFormat } from '../src/shared/dataset';

const OUT_DIR = resolve(import.meta.dirname, '../resources/self-test');
export const HEIC_SOURCE = resolve(import.meta.dirname, '../../shared/fixtures/dropped-folder/studio/iphone.heic');

type Encodable = Exclude<ImageFormat, 'heic'>;

const ENCODE: Record<Encodable, (image: Sharp) => Sharp> = {
  jpeg: (image) => image.jpeg({ quality: 80 }),
  png: (image) => image.png({ compressionLevel: 9 }),
  webp: (image) => image.webp({ quality: 80 }),
  avif: (image) => image.avif({ quality: 50 }),
  tiff: (image) => image.tiff({ compression: 'deflate' }),
  gif: (image) => image.gif(),
};

/** Two colour blocks side by side: a decode that swapped channels or sides would still be visible to a person. */
function pattern(width: number, height: number): Sharp {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      pixels.set(x < width / 2 ? [0x33, 0x66, 0xcc] : [0xee, 0x88, 0x33], (y * width + x) * 3);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

export async function makeSelfTestImages(outDir = OUT_DIR): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const [format, encode] of Object.entries(ENCODE) as Array<[Encodable, (image: Sharp) => Sharp]>) {
    const { file, width, height } = SAMPLE_IMAGES[format];
    await encode(pattern(width, height)).toFile(join(outDir, file));
  }
  // Read and written rather than copied: the fixtures are read-only, and a copy would keep that mode.
  await writeFile(join(outDir, SAMPLE_IMAGES.heic.file), await readFile(HEIC_SOURCE));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await makeSelfTestImages(resolve(process.argv[2] ?? OUT_DIR));
}
