import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_PIXELS } from '../images';
import { checkSize, MIN_SIDE, probeImage } from './probe';

const STUDIO = '/work/shared/fixtures/dropped-folder/studio';

describe('probeImage (header only)', () => {
  it('reads dimensions, EXIF orientation, alpha and the date taken (none in the fixtures)', async () => {
    expect(await probeImage(`${STUDIO}/rotated-exif6.jpg`, 'jpeg')).toEqual({
      format: 'jpeg',
      width: 400,
      height: 600,
      orientation: 6,
      hasAlpha: false,
      takenAt: null,
    });
    expect(await probeImage(`${STUDIO}/alpha.png`, 'png')).toMatchObject({ hasAlpha: true, orientation: 1 });
  });

  it("reads when the photo was taken from the camera's EXIF", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cs-probe-'));
    try {
      const path = join(dir, 'camera.jpg');
      await sharp({ create: { width: 200, height: 150, channels: 3, background: '#456' } })
        .withExif({ IFD2: { DateTimeOriginal: '2025:06:30 18:45:09' } })
        .jpeg()
        .toFile(path);
      expect(await probeImage(path, 'jpeg')).toMatchObject({ width: 200, takenAt: '2025-06-30T18:45:09' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tells HEIC (HEVC) from AVIF (AV1) by the codec in the header', async () => {
    expect(await probeImage(`${STUDIO}/iphone.heic`, 'heic')).toMatchObject({ format: 'heic', width: 256 });
  });

  it('refuses the 20000 x 20000 pixel bomb from its header, without decoding it', async () => {
    const peakBefore = process.resourceUsage().maxRSS;
    const result = await probeImage(`${STUDIO}/pixel-bomb.png`, 'png');
    expect(result).toEqual({
      path: `${STUDIO}/pixel-bomb.png`,
      reason: 'too-many-pixels',
      message: 'Too many pixels to process safely (20000 × 20000 px, 400 megapixels; the limit is 100 megapixels).',
    });
    // Decoding would need at least 400 MB (one 8-bit channel); the header read needs next to nothing.
    expect(process.resourceUsage().maxRSS - peakBefore).toBeLessThan(100 * 1024);
  });

  it('reports a small image with its real size', async () => {
    expect(await probeImage(`${STUDIO}/tiny-64px.png`, 'png')).toMatchObject({
      reason: 'too-small',
      message: 'Smaller than 100 px on a side (64 × 43 px).',
    });
  });

  it('reports a file whose header cannot be read as corrupt', async () => {
    expect(await probeImage(`${STUDIO}/truncated.jpg`, 'jpeg')).toMatchObject({ reason: 'corrupt' });
  });
});

describe('checkSize', () => {
  it('accepts exactly the limits', () => {
    expect(checkSize('/x', MIN_SIDE, MIN_SIDE)).toBeNull();
    expect(checkSize('/x', 10_000, MAX_INPUT_PIXELS / 10_000)).toBeNull();
  });

  it('refuses one pixel beyond them, on either side', () => {
    expect(checkSize('/x', 99, 500)?.reason).toBe('too-small');
    expect(checkSize('/x', 500, 99)?.reason).toBe('too-small');
    expect(checkSize('/x', 10_001, MAX_INPUT_PIXELS / 10_000)?.reason).toBe('too-many-pixels');
  });
});
