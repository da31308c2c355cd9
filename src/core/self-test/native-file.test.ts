import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { loadedNativeFile, unpackedPath } from './native-file';

const cache = createRequire(import.meta.url).cache;
const scratch = mkdtempSync(join(tmpdir(), 'caption-studio-native-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Puts a path in Node's require cache, as requiring a native addon from inside an asar archive would. */
function pretendLoaded(path: string): () => void {
  cache[path] = new Module(path);
  return () => delete cache[path];
}

describe('where a loaded native addon lies', () => {
  it('maps a path inside app.asar to its unpacked copy, and leaves other paths alone', () => {
    const inside = join('/opt', 'App', 'resources', 'app.asar', 'node_modules', 'x', 'x.node');
    expect(unpackedPath(inside)).toBe(
      join('/opt', 'App', 'resources', 'app.asar.unpacked', 'node_modules', 'x', 'x.node'),
    );
    expect(unpackedPath(join('/repo', 'node_modules', 'x', 'x.node'))).toBe(
      join('/repo', 'node_modules', 'x', 'x.node'),
    );
  });

  it('finds the addon sharp loaded', () => {
    expect(sharp.versions.vips).toBeTruthy();
    expect(loadedNativeFile(/sharp-[^\\/]*\.node$/)).toMatch(/@img[\\/]sharp-[^\\/]+[\\/].*\.node$/);
  });

  it('fails when no matching addon was loaded', () => {
    expect(() => loadedNativeFile(/no-such-addon\.node$/)).toThrow('no native file matching');
  });

  it('accepts an addon from app.asar only when its unpacked copy exists', () => {
    const inAsar = join(scratch, 'resources', 'app.asar', 'node_modules', 'fake', 'fake-addon.node');
    const forget = pretendLoaded(inAsar);
    try {
      expect(() => loadedNativeFile(/fake-addon\.node$/)).toThrow('is not unpacked from the app archive');
      const unpacked = unpackedPath(inAsar);
      mkdirSync(dirname(unpacked), { recursive: true });
      writeFileSync(unpacked, '');
      expect(loadedNativeFile(/fake-addon\.node$/)).toBe(unpacked);
    } finally {
      forget();
    }
  });
});
