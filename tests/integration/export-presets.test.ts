import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset } from '../../src/core/exporter';
import type { ImageEntry } from '../../src/shared/dataset';
import { AppError } from '../../src/shared/errors';
import { type ExportChoice, ExportChoice as ExportChoiceSchema } from '../../src/shared/export-presets';
import { exifTags, photoWithGps, pixels } from '../support/exif';
import { removeDir } from '../support/fixtures';
import { entriesFor, exportFixture, fileSha256, readZip, sha256, TRIGGER } from './export-helpers';

/**
 * Every preset read back as its trainer reads it: kohya's folder name parsed as sd-scripts parses it, Hugging
 * Face's metadata.jsonl line by line, ai-toolkit's config.yaml through another YAML parser (js-yaml), GPS gone with
 * the pixels and every other EXIF tag unchanged.
 */

// js-yaml (untyped here) is another YAML parser than the `yaml` library that wrote the config.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

let root: string;
let entries: ImageEntry[];
beforeAll(async () => {
  ({ root, entries } = await exportFixture('export-presets-it-'));
});
afterAll(() => removeDir(root));

const choice = (over: Partial<ExportChoice>): ExportChoice => ExportChoiceSchema.parse(over);
const fresh = () => mkdtemp(join(root, 'out-'));

/** The export's files as a map of path -> bytes, from a folder or a ZIP alike. */
async function filesOf(path: string, target: 'zip' | 'folder'): Promise<Map<string, Buffer>> {
  if (target === 'zip') return new Map([...(await readZip(path))].map(([name, e]) => [name, e.data]));
  const out = new Map<string, Buffer>();
  for (const name of await readdir(path, { recursive: true })) {
    const data = await readFile(join(path, name)).catch(() => null); // folders fail: skipped
    if (data) out.set(name.split('\\').join('/'), data);
  }
  return out;
}

async function exportTo(target: 'zip' | 'folder', over: Partial<ExportChoice>, images = entries) {
  const path = join(await fresh(), target === 'zip' ? 'out.zip' : 'out');
  const report = await exportDataset({ images, trigger: TRIGGER, choice: choice({ ...over, target }), path });
  return { path, report, files: await filesOf(path, target) };
}

describe.each(['zip', 'folder'] as const)('presets to a %s', (target) => {
  it("kohya: the pairs in `{repeats}_{trigger} {class}`, as sd-scripts parses the folder's name", async () => {
    const { files, report } = await exportTo(target, { preset: 'kohya', kohyaRepeats: 5, kohyaClassWord: 'building' });
    const folders = new Set([...files.keys()].map((n) => n.split('/')[0]));
    expect(folders).toEqual(new Set(['5_TOK building']));
    // sd-scripts (train_util.py): tokens = name.split("_"); n_repeats = int(tokens[0]); class = "_".join(tokens[1:])
    const [repeats, ...rest] = [...folders][0]?.split('_') ?? [];
    expect(Number.parseInt(repeats ?? '', 10)).toBe(5);
    expect(rest.join('_')).toBe('TOK building');
    expect(files.size).toBe(entries.length * 2);
    expect(report).toMatchObject({ preset: 'kohya', target, images: entries.length });
  });

  it('hf: train/ with the images and a metadata.jsonl of {"file_name","text"}, no caption files', async () => {
    const { files } = await exportTo(target, { preset: 'hf' });
    const lines = files.get('train/metadata.jsonl')?.toString('utf8').trimEnd().split('\n') ?? [];
    expect(lines).toHaveLength(entries.length);
    const rows = lines.map((l) => JSON.parse(l) as Record<string, string>);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['file_name', 'text']);
      expect(files.has(`train/${row.file_name}`)).toBe(true);
      expect(row.text?.startsWith(`photo of ${TRIGGER}`)).toBe(true);
    }
    expect(new Set(rows.map((r) => r.text))).toEqual(new Set(entries.map((e) => e.caption)));
    expect([...files.keys()].filter((n) => n.endsWith('.txt'))).toEqual([]);
  });

  it('ai-toolkit: dataset/ with the pairs and a config.yaml for a FLUX LoRA that points at it', async () => {
    const { path, files } = await exportTo(target, { preset: 'ai-toolkit' });
    const config = load(files.get('config.yaml')?.toString('utf8') ?? '') as {
      job: string;
      config: { name: string; process: Array<Record<string, never>> };
    };
    const process = config.config.process[0] as unknown as {
      trigger_word: string;
      datasets: Array<{ folder_path: string; caption_ext: string }>;
      model: { name_or_path: string; is_flux: boolean };
      sample: { prompts: string[] };
    };
    expect(config.job).toBe('extension');
    expect(config.config.name).toBe(`${TRIGGER}_flux_lora`);
    expect(process.trigger_word).toBe(TRIGGER);
    expect(process.model).toMatchObject({ name_or_path: 'black-forest-labs/FLUX.1-dev', is_flux: true });
    expect(process.sample.prompts.every((p) => p.startsWith('[trigger]'))).toBe(true);
    const dataset = process.datasets[0];
    expect(dataset?.caption_ext).toBe('txt');
    expect(dataset?.folder_path).toBe(target === 'folder' ? join(path, 'dataset') : 'dataset');
    if (target === 'folder') expect((await readdir(join(path, 'dataset'))).length).toBe(entries.length * 2);
    expect([...files.keys()].filter((n) => !n.startsWith('dataset/'))).toEqual(['config.yaml']);
  });
});

describe('image options', () => {
  let photos: ImageEntry[];
  beforeAll(async () => {
    const dir = join(root, 'gps');
    await mkdir(dir);
    await writeFile(join(dir, 'hall.jpg'), await photoWithGps('jpeg'));
    await writeFile(join(dir, 'stairs.png'), await photoWithGps('png'));
    photos = await entriesFor(dir, ['hall.jpg', 'stairs.png']);
  });

  it.each(['zip', 'folder'] as const)(
    'removes GPS by default (%s): pixels and every other tag unchanged',
    async (target) => {
      const { files, report } = await exportTo(target, {}, photos);
      for (const photo of photos) {
        const original = await readFile(photo.source);
        const exported = files.get(`${photo.exportName}.${photo.format === 'png' ? 'png' : 'jpg'}`) as Buffer;
        const before = await exifTags(original);
        expect(before.some((t) => t.ifd === 'GPS')).toBe(true);
        expect(await exifTags(exported)).toEqual(before.filter((t) => t.ifd !== 'GPS' && t.tag !== 0x8825));
        expect((await pixels(exported)).equals(await pixels(original))).toBe(true);
        expect(exported.length).toBe(original.length);
      }
      expect(report).toMatchObject({ copied: 2, converted: 0, locationRemoved: 2 });
    },
  );

  it('keeps GPS when asked: the files are copied byte for byte', async () => {
    const { files, report } = await exportTo('zip', { keepLocation: true }, photos);
    expect(sha256(files.get('hall.jpg') as Buffer)).toBe(await fileSha256(photos[0]?.source as string));
    expect(report.locationRemoved).toBe(0);
  });

  it('re-encodes a rotated photo upright with no metadata, or with its EXIF (GPS too) when the location is kept', async () => {
    const dir = join(root, 'rotated-gps');
    await mkdir(dir, { recursive: true });
    const rotated = await sharp(await photoWithGps('jpeg'))
      .withMetadata({ orientation: 6 })
      .toBuffer();
    await writeFile(join(dir, 'turned.jpg'), rotated);
    const images = await entriesFor(dir, ['turned.jpg']);
    const stripped = (await exportTo('zip', {}, images)).files.get('turned.jpg') as Buffer;
    expect(await exifTags(stripped)).toEqual([]);
    const kept = (await exportTo('zip', { keepLocation: true }, images)).files.get('turned.jpg') as Buffer;
    const meta = await sharp(kept).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([120, 160, 1]);
    expect((await exifTags(kept)).some((t) => t.ifd === 'GPS')).toBe(true);
  });

  it('scales images down to the long side asked (never up), upright, in sRGB', async () => {
    const { files, report } = await exportTo('zip', { resizeLongSide: 256 });
    let resized = 0;
    for (const entry of entries) {
      const name = [...files.keys()].find((n) => n.startsWith(`${entry.exportName}.`) && !n.endsWith('.txt'));
      const meta = await sharp(files.get(name as string)).metadata();
      const long = Math.max(meta.width, meta.height);
      const wasLong = Math.max(entry.width, entry.height);
      expect(long).toBe(Math.min(wasLong, 256));
      // The aspect ratio is kept (to a pixel of rounding), and the pixels are upright (no EXIF rotation left).
      expect(Math.abs(meta.width / meta.height - entry.width / entry.height)).toBeLessThan(0.02);
      expect(meta.orientation ?? 1).toBe(1);
      if (wasLong > 256) resized++;
    }
    expect(report.resized).toBe(resized);
    expect(resized).toBeGreaterThan(0);
  });
});

describe('beside the originals', () => {
  async function besideCopy(): Promise<ImageEntry[]> {
    const dir = await fresh();
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'a.jpg'), await photoWithGps('jpeg', false));
    await writeFile(join(dir, 'sub', 'b.png'), await photoWithGps('png', false));
    await writeFile(join(dir, 'c.jpg'), await photoWithGps('jpeg', false));
    return entriesFor(dir, ['a.jpg', 'sub/b.png', 'c.jpg']);
  }

  it('writes name.txt next to each image, keeps a different caption file as .bak, lists what it wrote', async () => {
    const images = await besideCopy();
    const [a, b, c] = images as [ImageEntry, ImageEntry, ImageEntry];
    const dir = join(a.source, '..');
    await writeFile(join(dir, 'a.txt'), 'my own old caption');
    await writeFile(join(dir, 'a.txt.bak'), 'an even older backup');
    await writeFile(join(dir, 'c.txt'), c.caption ?? '');
    const report = await exportDataset({ images, trigger: TRIGGER, choice: choice({ preset: 'beside' }), path: null });
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe(a.caption);
    expect(await readFile(join(dir, 'a.txt.bak2'), 'utf8')).toBe('my own old caption');
    expect(await readFile(join(dir, 'a.txt.bak'), 'utf8')).toBe('an even older backup');
    expect(await readFile(join(dir, 'sub', 'b.txt'), 'utf8')).toBe(b.caption);
    expect(report.written).toEqual([join(dir, 'a.txt'), join(dir, 'sub', 'b.txt')]); // c.txt already said it
    expect(report.backups).toEqual([join(dir, 'a.txt.bak2')]);
    expect(report).toMatchObject({ preset: 'beside', target: 'beside', path: dir, images: 3 });
  });

  it('refuses two images that would share a caption file, and puts everything back on cancel', async () => {
    const images = await besideCopy();
    const dir = join(images[0]?.source as string, '..');
    const twin = { ...(images[0] as ImageEntry), id: 'twin', source: join(dir, 'a.png'), relPath: 'a.png' };
    await writeFile(twin.source, await photoWithGps('png', false));
    const refused = await exportDataset({
      ...{ images: [...images, twin], trigger: TRIGGER, choice: choice({ preset: 'beside' }), path: null },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toContain('a.jpg and a.png');

    await writeFile(join(dir, 'a.txt'), 'kept');
    const cancel = new AbortController();
    const onProgress = (p: { done: number }) => p.done === 2 && cancel.abort();
    const cancelled = await exportDataset({
      ...{ images, trigger: TRIGGER, choice: choice({ preset: 'beside' }), path: null },
      ...{ signal: cancel.signal, onProgress },
    }).catch((e: unknown) => e);
    expect((cancelled as AppError).kind).toBe('cancelled');
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('kept');
    expect((await readdir(dir)).sort()).toEqual(['a.jpg', 'a.png', 'a.txt', 'c.jpg', 'sub']);
    expect(await readdir(join(dir, 'sub'))).toEqual(['b.png']);
  });

  it('refuses, with the list, while an image lacks a valid caption (every preset)', async () => {
    const images = await besideCopy();
    images[1] = { ...(images[1] as ImageEntry), caption: null };
    for (const preset of ['beside', 'kohya'] as const) {
      const path = preset === 'beside' ? null : join(await fresh(), 'x.zip');
      const e = await exportDataset({
        images,
        trigger: TRIGGER,
        choice: choice({ preset, target: 'zip' }),
        path,
      }).catch((err: unknown) => err);
      expect((e as AppError).kind).toBe('validation');
      expect((e as AppError).details).toMatchObject({ problems: [{ relPath: 'sub/b.png' }] });
    }
  });
});
