import { cp, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { assignExportNames } from '../../src/core/exporter';
import type { ImageEntry, ImageFormat } from '../../src/shared/dataset';
import { FIXTURES_DIR, tempDir } from '../support/fixtures';
import { makeImage } from '../support/image-entry';

/**
 * Shared by the export integration tests: dataset entries built by hand from real fixture files (the importer
 * is not used, so these tests only exercise the exporter) and a yauzl reader for the ZIPs written.
 */

export const TRIGGER = 'TOK';

/** The 12 fixture images the importer accepts (junk and broken files left out). */
const FIXTURE_IMAGES = [
  'IMG_0001.JPG',
  'Vacation 2025/IMG_0001.jpg',
  'Vacation 2025/IMG_0002.jpeg',
  'Vacation 2025/day two/rocket launch.jpg',
  'studio/motorcycle.png',
  'studio/café über 東京 ✨.webp',
  'studio/rotated-exif6.jpg',
  'studio/cmyk.jpg',
  'studio/alpha.png',
  'studio/gray16.png',
  'studio/iphone.heic',
  'studio/animated.gif',
];

/** Extra images with transparency the fixtures lack, written into the copy: an alpha WebP and an alpha GIF. */
const GENERATED_ALPHA = ['studio/glass.webp', 'studio/sticker.gif'];

/** Copies the fixture folder into `root` and adds the generated alpha images. */
async function prepareFixtures(root: string): Promise<void> {
  await cp(FIXTURES_DIR, root, { recursive: true });
  const rgba = sharp({
    create: { width: 160, height: 120, channels: 4, background: { r: 200, g: 40, b: 90, alpha: 0.4 } },
  });
  await rgba
    .clone()
    .webp({ lossless: true })
    .toFile(join(root, GENERATED_ALPHA[0] as string));
  await rgba
    .clone()
    .gif()
    .toFile(join(root, GENERATED_ALPHA[1] as string));
}

/**
 * The setup both export test files share: a fresh temp folder (`prefix` names it) holding the prepared fixtures in
 * `root/dropped`, and the dataset entries of all 14 images. Remove `root` with `removeDir` when done.
 */
export async function exportFixture(prefix: string): Promise<{ root: string; entries: ImageEntry[] }> {
  const root = await tempDir(prefix);
  const sources = join(root, 'dropped');
  await prepareFixtures(sources);
  return { root, entries: await entriesFor(sources, [...FIXTURE_IMAGES, ...GENERATED_ALPHA]) };
}

const FORMAT: Record<string, ImageFormat> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  heif: 'heic',
  avif: 'avif',
  tiff: 'tiff',
  gif: 'gif',
};

function captionFor(relPath: string): string {
  return `photo of ${TRIGGER} ${relPath.replaceAll('/', ' in ').replace(/\.[^.]+$/u, '')} — “über” 東京 ✨`;
}

/** Dataset entries for `relPaths` under `root`, with metadata read by sharp as the importer would. */
export async function entriesFor(root: string, relPaths: ReadonlyArray<string>): Promise<ImageEntry[]> {
  const names = assignExportNames(
    [],
    relPaths.map((relPath) => ({ id: relPath, relPath })),
  );
  return Promise.all(
    relPaths.map(async (relPath) => {
      const source = join(root, relPath);
      const meta = await sharp(source).metadata();
      const s = await stat(source);
      const format = FORMAT[meta.format];
      if (!format) throw new Error(`unexpected format ${meta.format} for ${relPath}`);
      return makeImage(relPath, {
        source,
        relPath,
        format,
        width: meta.autoOrient.width,
        height: meta.autoOrient.height,
        orientation: meta.orientation ?? 1,
        hasAlpha: meta.hasAlpha,
        bytes: s.size,
        mtimeMs: s.mtimeMs,
        exportName: names.get(relPath) ?? relPath,
        caption: captionFor(relPath),
      });
    }),
  );
}

export { fileSha256, sha256 } from '../support/hash';
export { readZipEntries as readZip } from '../support/zip';
