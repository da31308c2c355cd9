import { chmod, cp, mkdir, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { thumbnailPath } from '../../src/core/images';
import { type ImportProgress, type ImportResult, imageIdFor, importPaths } from '../../src/core/importer';
import { ImageEntry, SkippedFile } from '../../src/shared/dataset';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';

const CAPTION = 'photo of TOK a tabby cat lying on a wooden surface, soft window light';

let tmp: string;
let input: string;
let thumbsDir: string;

beforeEach(async () => {
  tmp = await tempDir('import-fixtures-');
  input = await copyFixtures(tmp);
  thumbsDir = join(tmp, 'thumbs');
});
afterEach(async () => {
  await removeDir(tmp);
});

const relPaths = (r: ImportResult) => r.images.map((i) => i.relPath);
const skipReasons = (r: ImportResult) => r.skipped.map((s) => [s.path.slice(input.length + 1), s.reason]);
const image = (r: ImportResult, relPath: string) => {
  const found = r.images.find((i) => i.relPath === relPath);
  if (!found) throw new Error(`${relPath} was not imported`);
  return found;
};

const EXPECTED_IMAGES = [
  'IMG_0001.JPG',
  'Vacation 2025/IMG_0001.jpg',
  'Vacation 2025/IMG_0002.jpeg',
  'Vacation 2025/day two/rocket launch.jpg',
  'studio/alpha.png',
  'studio/animated.gif',
  'studio/café über 東京 ✨.webp',
  'studio/cmyk.jpg',
  'studio/gray16.png',
  'studio/iphone.heic',
  'studio/motorcycle.png',
  'studio/rotated-exif6.jpg',
];
const EXPECTED_SKIPPED = [
  ['notes.txt', 'not-an-image'],
  ['studio/empty.jpg', 'empty'],
  ['studio/not-really.png', 'not-an-image'],
  ['studio/pixel-bomb.png', 'too-many-pixels'],
  ['studio/tiny-64px.png', 'too-small'],
  ['studio/truncated.jpg', 'corrupt'],
];

describe('importPaths on the dropped-folder fixture', () => {
  it('imports the 12 images, skips the 6 broken files with reasons and ignores the junk', async () => {
    const progress: ImportProgress[] = [];
    const result = await importPaths([input], { thumbsDir, onProgress: (p) => progress.push(p) });

    expect(relPaths(result)).toEqual(EXPECTED_IMAGES);
    expect(skipReasons(result)).toEqual(EXPECTED_SKIPPED);
    const everyPath = [...result.images.map((i) => i.source), ...result.skipped.map((s) => s.path)].join('\n');
    expect(everyPath).not.toMatch(/DS_Store|\/\._|Thumbs\.db|desktop\.ini|IMG_0002\.txt/);

    expect(image(result, 'Vacation 2025/IMG_0002.jpeg').sidecarCaption).toBe(CAPTION);
    expect(result.images.filter((i) => i.sidecarCaption !== null)).toHaveLength(1);
    expect(result.skipped.find((s) => s.reason === 'too-small')?.message).toBe(
      'Smaller than 100 px on a side (64 × 43 px).',
    );
    for (const s of result.skipped) expect(SkippedFile.parse(s)).toEqual(s);

    // Every image fits the dataset schema once the dataset adds its own fields.
    for (const img of result.images) {
      const { sidecarCaption: _, ...fields } = img;
      const entry = { ...fields, exportName: 'x', caption: null, captionSource: null, status: 'new' as const };
      expect(() => ImageEntry.parse({ ...entry, error: null, excluded: false, model: null })).not.toThrow();
      expect(img.source).toBe(join(input, img.relPath));
      expect(img.id).toBe(imageIdFor(img.source));
      const st = await stat(img.source);
      expect({ bytes: img.bytes, mtimeMs: img.mtimeMs }).toEqual({ bytes: st.size, mtimeMs: st.mtimeMs });
    }

    // One thumbnail per imported image, nothing else (no temp files, nothing for the bomb).
    expect((await readdir(thumbsDir)).sort()).toEqual(result.images.map((i) => `${i.id}.jpg`).sort());

    const last = progress.at(-1);
    expect(last).toMatchObject({ phase: 'processing', total: last?.done });
    expect(progress.some((p) => p.phase === 'scanning')).toBe(true);
  });

  it('records formats, upright dimensions, orientation and alpha', async () => {
    const result = await importPaths([input], { thumbsDir });
    expect(image(result, 'studio/rotated-exif6.jpg')).toMatchObject({ width: 600, height: 400, orientation: 6 });
    expect(image(result, 'studio/iphone.heic')).toMatchObject({ format: 'heic', width: 256, height: 256 });
    expect(image(result, 'studio/animated.gif')).toMatchObject({ format: 'gif', width: 384, height: 303 });
    expect(image(result, 'studio/alpha.png')).toMatchObject({ format: 'png', hasAlpha: true });
    expect(image(result, 'studio/café über 東京 ✨.webp')).toMatchObject({ format: 'webp', width: 1000 });
    expect(image(result, 'IMG_0001.JPG')).toMatchObject({ format: 'jpeg', orientation: 1, hasAlpha: false });
  });

  it('writes upright, sRGB, 400 px thumbnails', async () => {
    const result = await importPaths([input], { thumbsDir });
    const thumbOf = (rel: string) => thumbnailPath(thumbsDir, image(result, rel).id);

    const rotated = await sharp(thumbOf('studio/rotated-exif6.jpg')).metadata();
    expect(rotated).toMatchObject({ format: 'jpeg', width: 400, height: 267 });
    expect(rotated.orientation ?? 1).toBe(1);
    // Same pixels as an independent upright rendering (a sideways thumbnail would differ wildly).
    const reference = await sharp(join(input, 'studio/rotated-exif6.jpg'))
      .rotate()
      .resize(400, 267, { fit: 'fill' })
      .greyscale()
      .raw()
      .toBuffer();
    const ours = await sharp(thumbOf('studio/rotated-exif6.jpg')).greyscale().raw().toBuffer();
    const meanDiff = ours.reduce((sum, v, i) => sum + Math.abs(v - (reference[i] ?? 0)), 0) / ours.length;
    expect(meanDiff).toBeLessThan(6);

    expect(await sharp(thumbOf('studio/cmyk.jpg')).metadata()).toMatchObject({ space: 'srgb', channels: 3 });
    expect(await sharp(thumbOf('studio/iphone.heic')).metadata()).toMatchObject({ width: 256, channels: 3 });
    expect(await sharp(thumbOf('studio/motorcycle.png')).metadata()).toMatchObject({ width: 400, height: 270 });
    expect(await sharp(thumbOf('studio/alpha.png')).metadata()).toMatchObject({ channels: 3, hasAlpha: false });
  });

  it('imports the same file once when it arrives through two roots', async () => {
    const result = await importPaths([input, join(input, 'IMG_0001.JPG'), input], { thumbsDir });
    expect(relPaths(result)).toEqual(EXPECTED_IMAGES);
    expect(skipReasons(result)).toEqual(EXPECTED_SKIPPED);
  });
});

describe('importPaths edge cases', () => {
  it('accepts individually dropped files (relative paths too), with their sidecars from disk', async () => {
    const cwd = process.cwd();
    process.chdir(input);
    try {
      const result = await importPaths(['Vacation 2025/IMG_0002.jpeg', 'studio/cmyk.jpg', 'notes.txt'], { thumbsDir });
      expect(result.images.map((i) => [i.relPath, i.sidecarCaption])).toEqual([
        ['IMG_0002.jpeg', CAPTION],
        ['cmyk.jpg', null],
      ]);
      expect(result.skipped).toEqual([
        { path: join(input, 'notes.txt'), reason: 'not-an-image', message: 'Not an image: this is a text file.' },
      ]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('ignores nested hidden folders and junk folders entirely', async () => {
    for (const dir of ['.hidden/deeper', 'studio/.thumbnails', '__MACOSX/studio']) {
      await mkdir(join(input, dir), { recursive: true });
      await cp(join(input, 'IMG_0001.JPG'), join(input, dir, 'copy.jpg'));
      await writeFile(join(input, dir, 'junk.txt'), 'not for import');
    }
    const result = await importPaths([input], { thumbsDir });
    expect(relPaths(result)).toEqual(EXPECTED_IMAGES);
    expect(skipReasons(result)).toEqual(EXPECTED_SKIPPED);
  });

  it('reports unreadable files and broken links instead of failing', async () => {
    const locked = join(input, 'studio', 'locked.jpg');
    await cp(join(input, 'IMG_0001.JPG'), locked);
    await chmod(locked, 0o000);
    await symlink(join(input, 'gone.jpg'), join(input, 'studio', 'dangling.jpg'));
    const result = await importPaths([input], { thumbsDir });
    await chmod(locked, 0o644);

    const lockedSkip = result.skipped.find((s) => s.path === locked);
    // Root (as in CI containers) can read anything, so the locked file imports; anyone else gets a reason.
    if (process.getuid?.() === 0) expect(relPaths(result)).toContain('studio/locked.jpg');
    else
      expect(lockedSkip).toMatchObject({
        reason: 'unreadable',
        message: 'This file could not be read: permission denied.',
      });
    expect(result.skipped.find((s) => s.path.endsWith('dangling.jpg'))).toMatchObject({
      reason: 'unreadable',
      message: 'This link points to a file that no longer exists.',
    });
  });

  it('does not return, report or re-thumbnail known sources, and still treats their sidecars as captions', async () => {
    const first = await importPaths([input], { thumbsDir });
    await rm(thumbsDir, { recursive: true });
    const knownSources = new Set(first.images.map((i) => i.source));
    await cp(join(input, 'IMG_0001.JPG'), join(input, 'new photo.jpg'));

    const second = await importPaths([input], { thumbsDir, knownSources });
    expect(relPaths(second)).toEqual(['new photo.jpg']);
    expect(skipReasons(second)).toEqual(EXPECTED_SKIPPED); // IMG_0002.txt stays consumed, not "not an image"
    expect(await readdir(thumbsDir)).toEqual([`${imageIdFor(join(input, 'new photo.jpg'))}.jpg`]);
  });

  it('reports a caption file whose image was not imported', async () => {
    await writeFile(join(input, 'studio', 'truncated.txt'), 'photo of TOK something');
    const result = await importPaths([join(input, 'studio')], { thumbsDir });
    expect(result.skipped.find((s) => s.path.endsWith('truncated.txt'))).toMatchObject({
      reason: 'not-an-image',
      message: 'Caption file of an image that was not imported.',
    });
  });
});

describe('importPaths at scale and under abort', () => {
  /** `count` small noisy images in nested folders; every third has a caption, every fifth is a PNG. */
  async function generate(root: string, count: number): Promise<void> {
    const base = sharp({
      create: {
        width: 160,
        height: 120,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    });
    const jpeg = await base.clone().jpeg().toBuffer();
    const png = await base.clone().png().toBuffer();
    for (let i = 0; i < count; i++) {
      const dir = join(root, `batch ${Math.floor(i / 50)}`);
      await mkdir(dir, { recursive: true });
      const name = `img_${String(i).padStart(4, '0')}`;
      await writeFile(join(dir, `${name}.${i % 5 === 0 ? 'png' : 'jpg'}`), i % 5 === 0 ? png : jpeg);
      if (i % 3 === 0) await writeFile(join(dir, `${name}.txt`), `\uFEFFphoto of TOK number ${i}\r\nsecond line\r\n`);
    }
  }

  it('imports a few hundred generated images with their captions', async () => {
    const root = join(tmp, 'many');
    await generate(root, 300);
    const result = await importPaths([root], { thumbsDir, concurrency: 3 });
    expect(result.skipped).toEqual([]);
    expect(result.images).toHaveLength(300);
    expect(new Set(result.images.map((i) => i.id)).size).toBe(300);
    expect(result.images.every((i) => i.width === 160 && i.height === 120)).toBe(true);
    expect(result.images.filter((i) => i.format === 'png')).toHaveLength(60);
    const captioned = result.images.filter((i) => i.sidecarCaption !== null);
    expect(captioned).toHaveLength(100);
    expect(image(result, 'batch 0/img_0003.jpg').sidecarCaption).toBe('photo of TOK number 3 second line');
    expect(relPaths(result)).toEqual([...relPaths(result)].sort());
    expect(await readdir(thumbsDir)).toHaveLength(300);
  });

  it('rejects with the signal reason when aborted, before or during the import', async () => {
    const root = join(tmp, 'abort');
    await generate(root, 120);
    const reason = new Error('user cancelled');

    await expect(importPaths([root], { thumbsDir, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);

    const controller = new AbortController();
    const run = importPaths([root], {
      thumbsDir,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 5) controller.abort(reason);
      },
    });
    await expect(run).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let any in-flight thumbnail land
    expect((await readdir(thumbsDir)).length).toBeLessThan(20);
  });
});
