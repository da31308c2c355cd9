import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportProgress, exportFolder, exportZip } from '../../src/core/exporter';
import type { ImageEntry } from '../../src/shared/dataset';
import { AppError } from '../../src/shared/errors';
import { removeDir } from '../support/fixtures';
import { exportFixture, readZip, sha256, TRIGGER } from './export-helpers';

let root: string;
let entries: ImageEntry[];
let zipContent: Map<string, string>;

beforeAll(async () => {
  ({ root, entries } = await exportFixture('export-folder-it-'));
  const zipPath = join(root, 'reference.zip');
  await exportZip({ images: entries, trigger: TRIGGER, outPath: zipPath });
  zipContent = new Map([...(await readZip(zipPath))].map(([name, e]) => [name, sha256(e.data)]));
});
afterAll(() => removeDir(root));

async function folderContent(dir: string): Promise<Map<string, string>> {
  const names = await readdir(dir);
  return new Map(await Promise.all(names.map(async (n) => [n, sha256(await readFile(join(dir, n)))] as const)));
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.kind : `non-AppError: ${String(e)}`),
  );
}

describe('exportFolder', () => {
  it('creates a new folder holding exactly the files of the ZIP', async () => {
    const parent = await mkdtemp(join(root, 'new-'));
    const outDir = join(parent, 'dataset');
    const progress: ExportProgress[] = [];
    const report = await exportFolder({
      images: entries,
      trigger: TRIGGER,
      outDir,
      onProgress: (p) => progress.push(p),
    });
    expect(await folderContent(outDir)).toEqual(zipContent);
    expect(await readdir(parent)).toEqual(['dataset']); // temp sibling renamed away
    expect(report).toMatchObject({ path: outDir, images: 14, copied: 8, converted: 6, warnings: [] });
    expect(progress.at(-1)).toEqual({ done: 14, total: 14, bytes: report.bytes });
  });

  it('fills an existing empty folder (OS junk allowed) with the same files', async () => {
    const outDir = await mkdtemp(join(root, 'empty-'));
    await writeFile(join(outDir, '.DS_Store'), 'finder junk');
    await exportFolder({ images: entries, trigger: TRIGGER, outDir });
    const content = await folderContent(outDir);
    content.delete('.DS_Store');
    expect(content).toEqual(zipContent);
  });

  it('refuses a folder that is not empty, and a missing parent folder', async () => {
    const outDir = await mkdtemp(join(root, 'full-'));
    await writeFile(join(outDir, 'keep.txt'), 'mine');
    expect(await kindOf(exportFolder({ images: entries, trigger: TRIGGER, outDir }))).toBe('validation');
    expect(await readdir(outDir)).toEqual(['keep.txt']);
    const missing = join(root, 'no-such-parent', 'dataset');
    expect(await kindOf(exportFolder({ images: entries, trigger: TRIGGER, outDir: missing }))).toBe('io');
  });

  it('refuses while a caption is missing, creating nothing', async () => {
    const parent = await mkdtemp(join(root, 'blocked-'));
    const images = entries.map((e, i) => (i === 0 ? { ...e, caption: '' } : e));
    expect(await kindOf(exportFolder({ images, trigger: TRIGGER, outDir: join(parent, 'dataset') }))).toBe(
      'validation',
    );
    expect(await readdir(parent)).toEqual([]);
  });

  it('on abort removes the half-built temp folder', async () => {
    const parent = await mkdtemp(join(root, 'abort-new-'));
    const ac = new AbortController();
    const onProgress = (p: ExportProgress) => p.done === 4 && ac.abort();
    const outDir = join(parent, 'dataset');
    expect(
      await kindOf(exportFolder({ images: entries, trigger: TRIGGER, outDir, signal: ac.signal, onProgress })),
    ).toBe('cancelled');
    expect(await readdir(parent)).toEqual([]);
  });

  it('on abort empties an existing folder of the files it wrote', async () => {
    const outDir = join(await mkdtemp(join(root, 'abort-existing-')), 'dataset');
    await mkdir(outDir);
    const ac = new AbortController();
    const onProgress = (p: ExportProgress) => p.done === 4 && ac.abort();
    expect(
      await kindOf(exportFolder({ images: entries, trigger: TRIGGER, outDir, signal: ac.signal, onProgress })),
    ).toBe('cancelled');
    expect(await readdir(outDir)).toEqual([]);
  });
});
