import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captionedFolder } from '../support/captioned-folder';
import { cliEnv, runCli } from '../support/cli';
import { exifTags } from '../support/exif';
import { removeDir, tempDir } from '../support/fixtures';
import { readZipEntries as readZip } from '../support/zip';

/**
 * `export` (and `caption`'s export flags) as a user runs them, as a child process: the same folder and trigger
 * find the dataset, the preset decides the layout, GPS goes unless kept, and the refusals exit as documented.
 */

const TRIGGER = 'my_cat';
let work: string;
let folder: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  work = await tempDir();
  folder = await captionedFolder(join(work, 'photos'), TRIGGER);
  env = cliEnv({ CAPTION_STUDIO_DATA_DIR: join(work, 'data') });
});
afterAll(() => removeDir(work));

interface ExportJson {
  zip: string | null;
  export: { preset: string; target: string; path: string; written: string[] } | null;
}

describe('export', () => {
  it('writes kohya folders, an hf ZIP and the Replicate ZIP from the same dataset, GPS removed', async () => {
    const kohya = join(work, 'kohya');
    const run = await runCli(
      [
        'export',
        folder,
        '-t',
        TRIGGER,
        '--preset',
        'kohya',
        '--out',
        kohya,
        '--repeats',
        '3',
        '--class-word',
        'cat',
        '--json',
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as ExportJson).export).toMatchObject({
      preset: 'kohya',
      target: 'folder',
      path: kohya,
    });
    expect(await readdir(kohya)).toEqual(['3_my_cat cat']);
    expect((await readdir(join(kohya, '3_my_cat cat'))).length).toBe(8);

    const hf = join(work, 'hf.zip');
    const again = await runCli(['export', folder, '-t', TRIGGER, '--preset', 'hf', '--out', hf], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`Wrote ${hf}`);
    expect((await readZip(hf)).get('train/metadata.jsonl')?.data.toString().trim().split('\n')).toHaveLength(4);

    const zip = join(work, 'out.zip');
    expect((await runCli(['export', folder, '-t', TRIGGER, '--out', zip], env)).code).toBe(0);
    const phone = (await readZip(zip)).get('phone.jpg')?.data as Buffer;
    expect((await exifTags(phone)).some((t) => t.ifd === 'GPS')).toBe(false);
    expect((await exifTags(await readFile(join(folder, 'phone.jpg')))).some((t) => t.ifd === 'GPS')).toBe(true);
    const kept = join(work, 'kept.zip');
    expect((await runCli(['export', folder, '-t', TRIGGER, '--out', kept, '--keep-location'], env)).code).toBe(0);
    expect((await readZip(kept)).get('phone.jpg')?.data.equals(await readFile(join(folder, 'phone.jpg')))).toBe(true);
  });

  it('writes captions beside the originals, keeps the earlier files as .bak, and lists them', async () => {
    const beside = await captionedFolder(join(work, 'beside'), TRIGGER, 1);
    const run = await runCli(['export', beside, '-t', TRIGGER, '--preset', 'beside', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as ExportJson & { export: { backups: string[] } };
    expect(out.export?.written.sort()).toEqual([join(beside, 'img-000.txt'), join(beside, 'phone.txt')]);
    expect(out.export?.backups.sort()).toEqual([join(beside, 'img-000.txt.bak'), join(beside, 'phone.txt.bak')]);
    expect(await readFile(join(beside, 'phone.txt'), 'utf8')).toBe(`photo of ${TRIGGER} on the sofa by the window`);
    expect(await readFile(join(beside, 'phone.txt.bak'), 'utf8')).toBe(
      `photo of ${TRIGGER} on the sofa by the window.`,
    );
    expect(run.stderr).toContain('Wrote 2 caption file(s) next to the images.');
  });

  it('refuses, writing nothing, while an image has no caption (exit 1)', async () => {
    const folder2 = await captionedFolder(join(work, 'uncaptioned'), TRIGGER, 1);
    await rm(join(folder2, 'img-000.txt'));
    const refused = await runCli(['export', folder2, '-t', TRIGGER, '--preset', 'beside'], env);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('img-000.jpg');
    expect((await readdir(folder2)).sort()).toEqual(['img-000.jpg', 'phone.jpg', 'phone.txt']);
  });

  it('refuses usage errors with exit 2', async () => {
    const beside = await runCli(['export', folder, '-t', TRIGGER, '--preset', 'beside', '--out', join(work, 'x')], env);
    expect(beside.code).toBe(2);
    expect(beside.stderr).toContain('leave out --out');
    const repeats = await runCli(['export', folder, '-t', TRIGGER, '--repeats', '3'], env);
    expect(repeats.code).toBe(2);
    expect(repeats.stderr).toContain('--preset kohya');
    const resize = await runCli(['caption', folder, '-t', TRIGGER, '--resize', '10'], env);
    expect(resize.code).toBe(2);
  });
});
