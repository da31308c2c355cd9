import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempPathBeside, writeFileAtomic } from './atomic';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tempPathBeside', () => {
  it('is a hidden, unique sibling with a bounded name', () => {
    const target = join(dir, `${'é'.repeat(200)}.zip`);
    const a = tempPathBeside(target);
    const b = tempPathBeside(target);
    expect(dirname(a)).toBe(dir);
    expect(basename(a).startsWith('.')).toBe(true);
    expect(a).not.toBe(b);
    expect(Buffer.byteLength(basename(a))).toBeLessThan(255);
  });
});

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temp file', async () => {
    const target = join(dir, 'manifest.json');
    await writeFileAtomic(target, 'one');
    await writeFileAtomic(target, Buffer.from('two'));
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['manifest.json']);
  });

  it('leaves the old file and no temp file when the rename fails', async () => {
    const target = join(dir, 'occupied');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['occupied']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'f.txt'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
