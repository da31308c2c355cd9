import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileAtomic, tempPathBeside, writeFileAtomic, writeStreamAtomic } from './atomic';

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

describe('copyFileAtomic', () => {
  it('copies byte for byte', async () => {
    const src = join(dir, 'src.bin');
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    await writeFile(src, bytes);
    await copyFileAtomic(src, join(dir, 'dest.bin'));
    expect((await readFile(join(dir, 'dest.bin'))).equals(bytes)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['dest.bin', 'src.bin']);
  });
});

describe('writeStreamAtomic', () => {
  it('streams into place and reports the byte count', async () => {
    const target = join(dir, 'out.bin');
    const n = await writeStreamAtomic(target, Readable.from([Buffer.from('abc'), Buffer.from('defg')]));
    expect(n).toBe(7);
    expect(await readFile(target, 'utf8')).toBe('abcdefg');
    expect(await readdir(dir)).toEqual(['out.bin']);
  });

  it('keeps an existing target and removes the temp file when the stream fails', async () => {
    const target = join(dir, 'out.bin');
    await writeFile(target, 'old');
    const failing = new Readable({ read() {} });
    const done = writeStreamAtomic(target, failing);
    failing.push('partial data');
    setTimeout(() => failing.destroy(new Error('source broke')), 20);
    await expect(done).rejects.toThrow('source broke');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.bin']);
  });
});
