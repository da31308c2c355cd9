import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hashOfPixels, perceptualHash } from './phash';

const bits = (a: string, b: string) =>
  [...a].reduce(
    (n, ch, i) =>
      n + [...(Number.parseInt(ch, 16) ^ Number.parseInt(b[i] ?? '0', 16)).toString(2)].filter((c) => c === '1').length,
    0,
  );

/** A 256 × 192 test picture: a bright disc off-centre on a left-to-right gradient. */
const picture = () =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="192"><defs><linearGradient id="g"><stop offset="0" stop-color="#123"/><stop offset="1" stop-color="#9ab"/></linearGradient></defs><rect width="256" height="192" fill="url(#g)"/><circle cx="90" cy="70" r="40" fill="#fe8"/></svg>`,
    ),
  );

describe('perceptual hash', () => {
  it('ignores a uniform brightness shift exactly (only the DC coefficient moves, and it stays above the median)', () => {
    const gradient = Uint8Array.from({ length: 32 * 32 }, (_, i) => ((i % 32) * 5 + Math.floor(i / 32) * 2) % 180);
    const brighter = gradient.map((v) => v + 40);
    expect(hashOfPixels(brighter)).toBe(hashOfPixels(gradient));
  });

  it('stays within a few bits under resizing, re-encoding and a brightness change; flips many when mirrored', async () => {
    const png = await picture().png().toBuffer();
    const original = await perceptualHash(png);
    expect(original).toMatch(/^[0-9a-f]{16}$/u);
    const copies = [
      await picture().resize(128).jpeg({ quality: 50 }).toBuffer(),
      await picture().modulate({ brightness: 1.2 }).webp().toBuffer(),
    ];
    for (const copy of copies) expect(bits(original, await perceptualHash(copy))).toBeLessThanOrEqual(4);
    expect(bits(original, await perceptualHash(await picture().flop().png().toBuffer()))).toBeGreaterThan(10);
  });
});
