import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImage } from '../../../tests/support/image-entry';
import type { ImageEntry, ImageFormat } from '../../shared/dataset';
import { exportModeFor, planExport } from './plan';

const TRIGGER = 'TOK';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plan-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A dataset entry backed by a real (tiny) file, so the source checks have something to stat. */
async function entry(relPath: string, over: Partial<ImageEntry> = {}): Promise<ImageEntry> {
  const source = join(dir, relPath.replaceAll('/', '_'));
  await writeFile(source, `bytes of ${relPath}`);
  const s = await stat(source);
  const stem =
    relPath
      .split('/')
      .pop()
      ?.replace(/\.[^.]+$/u, '') ?? relPath;
  return makeImage(`id-${relPath}`, {
    source,
    relPath,
    bytes: s.size,
    mtimeMs: s.mtimeMs,
    exportName: stem,
    caption: `photo of ${TRIGGER} a thing called ${stem}`,
    ...over,
  });
}

describe('exportModeFor', () => {
  const mode = (format: ImageFormat, orientation = 1, hasAlpha = false) =>
    exportModeFor({ format, orientation, hasAlpha });

  it('copies upright JPEG and PNG and re-encodes rotated ones', () => {
    expect(mode('jpeg')).toBe('copy');
    expect(mode('png', 1, true)).toBe('copy');
    expect(mode('jpeg', 6)).toBe('reencode');
    expect(mode('png', 3)).toBe('reencode');
  });

  it('converts every other format to JPEG, or PNG when it has transparency', () => {
    for (const f of ['webp', 'heic', 'avif', 'tiff', 'gif'] as const) {
      expect(mode(f)).toBe('to-jpeg');
      expect(mode(f, 1, true)).toBe('to-png');
      expect(mode(f, 6)).toBe('to-jpeg');
    }
  });
});

describe('planExport', () => {
  it('plans file and caption names with lower-case extensions', async () => {
    const images = [
      await entry('IMG_0001.JPG'),
      await entry('studio/alpha.webp', { format: 'webp', hasAlpha: true }),
      await entry('studio/x.heic', { format: 'heic' }),
      await entry('studio/r.PNG', { format: 'png', orientation: 8 }),
    ];
    const plan = await planExport(images, TRIGGER);
    expect(plan.problems).toEqual([]);
    expect(plan.items.map((i) => [i.fileName, i.captionName, i.mode])).toEqual([
      ['IMG_0001.jpg', 'IMG_0001.txt', 'copy'],
      ['alpha.png', 'alpha.txt', 'to-png'],
      ['x.jpg', 'x.txt', 'to-jpeg'],
      ['r.png', 'r.txt', 'reencode'],
    ]);
  });

  it('reports missing and invalid captions as errors and leaves those images out', async () => {
    const images = [
      await entry('ok.jpg'),
      await entry('none.jpg', { caption: null }),
      await entry('dot.jpg', { caption: 'photo of TOK a dog.' }),
      await entry('case.jpg', { caption: 'photo of tok a dog' }),
    ];
    const plan = await planExport(images, TRIGGER);
    expect(plan.items.map((i) => i.image.relPath)).toEqual(['ok.jpg']);
    expect(plan.problems.map((p) => [p.relPath, p.severity, p.exportName])).toEqual([
      ['none.jpg', 'error', 'none'],
      ['dot.jpg', 'error', 'dot'],
      ['case.jpg', 'error', 'case'],
    ]);
    expect(plan.problems[0]?.message).toBe('Needs a caption.');
  });

  it('leaves excluded images out without complaint, even uncaptioned ones', async () => {
    const images = [await entry('in.jpg'), await entry('out.jpg', { excluded: true, caption: null })];
    const plan = await planExport(images, TRIGGER);
    expect(plan.items.map((i) => i.fileName)).toEqual(['in.jpg']);
    expect(plan.problems).toEqual([]);
  });

  it('blocks on a missing source file', async () => {
    const gone = await entry('gone.jpg');
    await rm(gone.source);
    const plan = await planExport([gone, await entry('here.jpg')], TRIGGER);
    expect(plan.items.map((i) => i.fileName)).toEqual(['here.jpg']);
    expect(plan.problems).toMatchObject([{ relPath: 'gone.jpg', severity: 'error' }]);
    expect(plan.problems[0]?.message).toMatch(/missing/);
  });

  it('warns, but still exports, when a source changed since import', async () => {
    const resized = await entry('resized.jpg');
    // A different length on purpose: within one clock tick the mtime alone may not move.
    await writeFile(resized.source, 'these bytes are clearly longer than the original ones');
    const touched = await entry('touched.jpg');
    await utimes(touched.source, new Date(), new Date(Date.now() + 60_000));
    const plan = await planExport([resized, touched], TRIGGER);
    expect(plan.items).toHaveLength(2);
    expect(plan.problems.map((p) => [p.relPath, p.severity])).toEqual([
      ['resized.jpg', 'warning'],
      ['touched.jpg', 'warning'],
    ]);
  });

  it('repairs export names that clash case-insensitively or are unsafe', async () => {
    const images = [
      await entry('a/IMG.jpg', { exportName: 'IMG' }),
      await entry('b/IMG.jpg', { exportName: 'img' }),
      await entry('c/bad.jpg', { exportName: 'bad:name' }),
    ];
    const plan = await planExport(images, TRIGGER);
    const names = plan.items.map((i) => i.fileName);
    expect(names).toEqual(['IMG.jpg', 'b_IMG.jpg', 'bad.jpg']);
  });

  it('returns an empty plan when everything is excluded', async () => {
    const plan = await planExport([await entry('x.jpg', { excluded: true })], TRIGGER);
    expect(plan).toEqual({ items: [], problems: [] });
  });
});
