import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultZipName, type ExportProgress, exportZip, planExport, WHOLE_FILE_LIMIT } from '../../src/core/exporter';
import type { ImageEntry } from '../../src/shared/dataset';
import { AppError } from '../../src/shared/errors';
import { removeDir } from '../support/fixtures';
import { exportFixture, fileSha256, readZip, sha256, TRIGGER } from './export-helpers';

let root: string;
let entries: ImageEntry[];

beforeAll(async () => {
  ({ root, entries } = await exportFixture('export-zip-it-'));
});
afterAll(() => removeDir(root));

async function freshDir(): Promise<string> {
  return mkdtemp(join(root, 'out-'));
}
const byRel = (relPath: string) => entries.find((e) => e.relPath === relPath) as ImageEntry;

/** An entry whose source is a private copy, so a test can delete or change it without touching the others. */
async function privateCopy(relPath: string, dir: string): Promise<ImageEntry> {
  const e = byRel(relPath);
  const source = join(dir, `own-${e.exportName}`);
  await copyFile(e.source, source);
  await utimes(source, e.mtimeMs / 1000, e.mtimeMs / 1000);
  return { ...e, source };
}

async function expectAppError(p: Promise<unknown>, kind: AppError['kind']): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).kind).toBe(kind);
  return err as AppError;
}

describe('exportZip (Replicate preset)', () => {
  it('writes a flat ZIP of image + caption pairs, copying or converting each image as planned', async () => {
    const dir = await freshDir();
    const outPath = join(dir, defaultZipName(TRIGGER));
    const progress: ExportProgress[] = [];
    const report = await exportZip({ images: entries, trigger: TRIGGER, outPath, onProgress: (p) => progress.push(p) });

    const zip = await readZip(outPath);
    const plan = await planExport(entries, TRIGGER);
    expect(report).toMatchObject({ path: outPath, images: 14, warnings: [], copied: 8, converted: 6 });
    expect(report.bytes).toBe((await readFile(outPath)).length);
    expect(await readdir(dir)).toEqual([defaultZipName(TRIGGER)]);

    // Flat, one .txt per image, names unique even on a case-insensitive disk.
    const names = [...zip.keys()];
    expect(names).toHaveLength(28);
    expect(names.every((n) => !n.includes('/') && !n.includes('\\'))).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(28);
    for (const item of plan.items) {
      const caption = zip.get(item.captionName ?? '');
      expect(caption?.data.equals(Buffer.from(item.image.caption ?? '', 'utf8'))).toBe(true);
      expect(caption?.data[0]).not.toBe(0xef); // no BOM
      expect(caption?.method).toBe(8); // deflated
      const image = zip.get(item.fileName);
      expect(image?.method).toBe(0); // stored
      expect(item.fileName).toMatch(/\.(jpg|png)$/u);
      if (item.mode === 'copy') expect(sha256(image?.data as Buffer)).toBe(await fileSha256(item.image.source));
    }
    expect(new Set(plan.items.map((i) => i.mode))).toEqual(new Set(['copy', 'reencode', 'to-jpeg', 'to-png']));

    // Progress counts up to the total and ends at the bytes written.
    expect(progress[0]).toEqual({ done: 0, total: 14, bytes: 0 });
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(progress.at(-1)?.bytes).toBeGreaterThan(report.bytes * 0.95);
  });

  it('keeps Unicode names (UTF-8 flag set) and pairs case-colliding sources under distinct names', async () => {
    const outPath = join(await freshDir(), 'out.zip');
    await exportZip({ images: entries, trigger: TRIGGER, outPath });
    const zip = await readZip(outPath);
    expect(zip.get('café über 東京 ✨.jpg')?.utf8Flag).toBe(true);
    expect(zip.get('café über 東京 ✨.txt')?.data.toString('utf8')).toBe(
      byRel('studio/café über 東京 ✨.webp').caption,
    );
    expect(zip.has('IMG_0001.jpg')).toBe(true);
    expect(zip.has('Vacation 2025_IMG_0001.jpg')).toBe(true);
    expect(sha256(zip.get('Vacation 2025_IMG_0001.jpg')?.data as Buffer)).toBe(
      await fileSha256(byRel('Vacation 2025/IMG_0001.jpg').source),
    );
  });

  it('writes EXIF-rotated JPEGs upright and converts other formats to JPEG, or PNG when transparent', async () => {
    const outPath = join(await freshDir(), 'out.zip');
    await exportZip({ images: entries, trigger: TRIGGER, outPath });
    const zip = await readZip(outPath);
    const meta = (name: string) => sharp(zip.get(name)?.data as Buffer).metadata();

    const rotated = await meta('rotated-exif6.jpg');
    expect([rotated.format, rotated.width, rotated.height]).toEqual(['jpeg', 600, 400]);
    expect(rotated.orientation ?? 1).toBe(1);
    expect(rotated.icc).toBeDefined(); // sRGB profile embedded

    for (const name of ['café über 東京 ✨.jpg', 'iphone.jpg', 'animated.jpg']) {
      const m = await meta(name);
      expect(m.format).toBe('jpeg');
      expect(m.space).toBe('srgb');
    }
    expect((await meta('iphone.jpg')).width).toBe(256);
    expect((await meta('animated.jpg')).pages ?? 1).toBe(1);
    for (const name of ['glass.png', 'sticker.png']) {
      const m = await meta(name);
      expect([m.format, m.hasAlpha]).toEqual(['png', true]);
    }
    // Copies stay exactly what they were (CMYK and 16-bit included).
    expect(sha256(zip.get('cmyk.jpg')?.data as Buffer)).toBe(await fileSha256(byRel('studio/cmyk.jpg').source));
    expect(sha256(zip.get('alpha.png')?.data as Buffer)).toBe(await fileSha256(byRel('studio/alpha.png').source));
  });

  it('leaves excluded images out, even uncaptioned ones', async () => {
    const outPath = join(await freshDir(), 'out.zip');
    const images = entries.map((e) => (e.relPath.startsWith('studio/') ? { ...e, excluded: true, caption: null } : e));
    const report = await exportZip({ images, trigger: TRIGGER, outPath });
    expect(report.images).toBe(4);
    expect([...(await readZip(outPath)).keys()].sort()).toEqual(
      [
        'IMG_0001.jpg',
        'IMG_0001.txt',
        'IMG_0002.jpg',
        'IMG_0002.txt',
        'Vacation 2025_IMG_0001.jpg',
        'Vacation 2025_IMG_0001.txt',
        'rocket launch.jpg',
        'rocket launch.txt',
      ].sort(),
    );
  });

  it('refuses, listing the images, while captions are missing or invalid, and writes nothing', async () => {
    const dir = await freshDir();
    const outPath = join(dir, 'out.zip');
    const images = entries.map((e, i) =>
      i === 1 ? { ...e, caption: null } : i === 4 ? { ...e, caption: `${e.caption}.` } : e,
    );
    const err = await expectAppError(exportZip({ images, trigger: TRIGGER, outPath }), 'validation');
    expect(err.message).toMatch(
      /^2 images still need a valid caption: Vacation 2025\/IMG_0001\.jpg \(Needs a caption\.\)/u,
    );
    expect(err.message).toContain('studio/motorcycle.png (Caption must not end with punctuation.)');
    expect((err.details as { problems: unknown[] }).problems).toHaveLength(2);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses when a source file disappeared', async () => {
    const dir = await freshDir();
    const gone = await privateCopy('studio/motorcycle.png', dir);
    await rm(gone.source);
    const err = await expectAppError(
      exportZip({ images: [entries[0] as ImageEntry, gone], trigger: TRIGGER, outPath: join(dir, 'out.zip') }),
      'validation',
    );
    expect(err.message).toMatch(/^1 original file is missing or unreadable: studio\/motorcycle\.png/u);
    expect(await readdir(dir)).toEqual([]);
  });

  it('exports a source that changed since import, with a warning in the report', async () => {
    const dir = await freshDir();
    const changed = await privateCopy('IMG_0001.JPG', dir);
    await writeFile(changed.source, await readFile(byRel('studio/cmyk.jpg').source));
    const report = await exportZip({ images: [changed], trigger: TRIGGER, outPath: join(dir, 'out.zip') });
    expect(report.images).toBe(1);
    expect(report.warnings).toMatchObject([{ relPath: 'IMG_0001.JPG', severity: 'warning' }]);
  });

  it('refuses when nothing is left to export, and reports a missing target folder as an IO error', async () => {
    const dir = await freshDir();
    const excluded = entries.map((e) => ({ ...e, excluded: true }));
    await expectAppError(exportZip({ images: excluded, trigger: TRIGGER, outPath: join(dir, 'a.zip') }), 'validation');
    await expectAppError(exportZip({ images: [], trigger: TRIGGER, outPath: join(dir, 'a.zip') }), 'validation');
    const err = await expectAppError(
      exportZip({ images: entries, trigger: TRIGGER, outPath: join(dir, 'missing', 'a.zip') }),
      'io',
    );
    expect(err.message).toContain('does not exist');
    await expectAppError(exportZip({ images: entries, trigger: TRIGGER, outPath: dir }), 'io');
    expect(await readdir(dir)).toEqual([]);
  });

  it('on abort mid-way leaves no temp file and an existing ZIP untouched', async () => {
    const dir = await freshDir();
    const outPath = join(dir, 'out.zip');
    await writeFile(outPath, 'previous export');
    const ac = new AbortController();
    const onProgress = (p: ExportProgress) => {
      if (p.done === 3) ac.abort();
    };
    await expectAppError(
      exportZip({ images: entries, trigger: TRIGGER, outPath, signal: ac.signal, onProgress }),
      'cancelled',
    );
    expect(await readFile(outPath, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['out.zip']);
  });

  it('on a read failure mid-way removes the temp file and keeps the existing ZIP', async () => {
    const dir = await freshDir();
    const outPath = join(dir, 'out.zip');
    await writeFile(outPath, 'previous export');
    const doomed = await privateCopy('studio/alpha.png', dir);
    const images = [...entries.slice(0, 4), doomed, ...entries.slice(4)];
    const onProgress = (p: ExportProgress) => {
      if (p.done === 2) rmSync(doomed.source);
    };
    const err = await expectAppError(exportZip({ images, trigger: TRIGGER, outPath, onProgress }), 'io');
    expect(err.message).toContain('studio/alpha.png');
    expect(await readFile(outPath, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['out.zip']);
  });

  it('on a source that breaks while streaming removes the temp file and names the image', async () => {
    const dir = await freshDir();
    const outPath = join(dir, 'out.zip');
    const doomed = await privateCopy('studio/motorcycle.png', dir);
    const images = [...entries.slice(0, 4), doomed];
    // Swapped for a folder after planning: it still passes the access check, then fails on read (EISDIR).
    const onProgress = (p: ExportProgress) => {
      if (p.done === 1) {
        rmSync(doomed.source);
        mkdirSync(doomed.source);
      }
    };
    const err = await expectAppError(exportZip({ images, trigger: TRIGGER, outPath, onProgress }), 'io');
    expect(err.message).toBe('Cannot read "studio/motorcycle.png" (EISDIR).');
    expect((await readdir(dir)).sort()).toEqual([doomed.source.split('/').pop()]);
  });

  it('streams a source bigger than the whole-file limit, still byte for byte', async () => {
    const dir = await freshDir();
    const big = await privateCopy('IMG_0001.JPG', dir);
    await writeFile(big.source, randomBytes(WHOLE_FILE_LIMIT + 12345));
    const s = await stat(big.source);
    const images = [{ ...big, bytes: s.size, mtimeMs: s.mtimeMs }, entries[1] as ImageEntry];
    const outPath = join(dir, 'out.zip');
    const report = await exportZip({ images, trigger: TRIGGER, outPath });
    const zip = await readZip(outPath);
    expect(sha256(zip.get('IMG_0001.jpg')?.data as Buffer)).toBe(await fileSha256(big.source));
    expect(zip.get('IMG_0001.jpg')?.method).toBe(0);
    expect(report.copied).toBe(2);
  });
});
