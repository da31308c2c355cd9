import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decodeHeic } from './heic-decoder';

const HEIC = '/work/shared/fixtures/dropped-folder/studio/iphone.heic';

describe('decodeHeic (worker threads)', () => {
  it('decodes the iPhone fixture to upright RGBA', async () => {
    const { width, height, data } = await decodeHeic(await readFile(HEIC), 100_000_000);
    expect({ width, height, bytes: data.length }).toEqual({ width: 256, height: 256, bytes: 256 * 256 * 4 });
    expect(data.some((v) => v !== 0)).toBe(true);
  });

  it('decodes several files at once', async () => {
    const buffer = await readFile(HEIC);
    const results = await Promise.all(Array.from({ length: 5 }, () => decodeHeic(buffer, 100_000_000)));
    expect(results.map((r) => r.width)).toEqual([256, 256, 256, 256, 256]);
  });

  it('refuses an image over the pixel limit before decoding it', async () => {
    await expect(decodeHeic(await readFile(HEIC), 256 * 255)).rejects.toThrow('exceeds pixel limit');
  });

  it('rejects a truncated file, and keeps working afterwards', async () => {
    const buffer = await readFile(HEIC);
    await expect(decodeHeic(buffer.subarray(0, buffer.length / 2), 100_000_000)).rejects.toThrow();
    await expect(decodeHeic(Buffer.from('not a heic at all'), 100_000_000)).rejects.toThrow();
    expect((await decodeHeic(buffer, 100_000_000)).width).toBe(256);
  });
});
