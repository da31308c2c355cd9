import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderThumbnail, THUMBNAIL_LONG_SIDE, thumbnailPath } from './thumbnail';

const STUDIO = '/work/shared/fixtures/dropped-folder/studio';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'importer-thumb-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderThumbnail', () => {
  it('makes an upright thumbnail of an EXIF-6 JPEG stored landscape-sideways', async () => {
    const thumb = await renderThumbnail(`${STUDIO}/rotated-exif6.jpg`, 'jpeg');
    expect({ width: thumb.width, height: thumb.height }).toEqual({ width: 600, height: 400 });
    const meta = await sharp(thumb.jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: THUMBNAIL_LONG_SIDE, height: 267 });
    expect(meta.orientation ?? 1).toBe(1);
  });

  it('converts CMYK to 3-channel sRGB', async () => {
    const meta = await sharp((await renderThumbnail(`${STUDIO}/cmyk.jpg`, 'jpeg')).jpeg).metadata();
    expect(meta).toMatchObject({ space: 'srgb', channels: 3, width: 400 });
  });

  it('flattens transparency onto white', async () => {
    const path = join(dir, 'transparent.png');
    await sharp({ create: { width: 200, height: 100, channels: 4, background: '#ff000000' } })
      .png()
      .toFile(path);
    const { jpeg } = await renderThumbnail(path, 'png');
    const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    expect([...data.subarray(0, 3)].every((v) => v > 250)).toBe(true);
  });

  it('handles 16-bit input', async () => {
    const path = join(dir, '16bit.png');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } })
      .toColourspace('rgb16')
      .png()
      .toFile(path);
    expect((await sharp(path).metadata()).depth).toBe('ushort');
    const thumb = await renderThumbnail(path, 'png');
    expect(await sharp(thumb.jpeg).metadata()).toMatchObject({ depth: 'uchar', channels: 3, width: 300 });
  });

  it('uses the first frame of an animated GIF', async () => {
    const gif = `${STUDIO}/animated.gif`;
    const thumb = await renderThumbnail(gif, 'gif');
    expect(await sharp(thumb.jpeg).metadata()).toMatchObject({ width: 384, height: 303 });
    const meanOf = async (input: string | Buffer, page = 0) =>
      (await sharp(input, { page, pages: 1 }).stats()).channels[0]?.mean ?? Number.NaN;
    // The fixture's two frames differ clearly in brightness (about 97 vs 127).
    const thumbMean = await meanOf(thumb.jpeg);
    expect(Math.abs(thumbMean - (await meanOf(gif, 0)))).toBeLessThan(3);
    expect(Math.abs(thumbMean - (await meanOf(gif, 1)))).toBeGreaterThan(20);
  });

  it('decodes HEIC without the platform codec', async () => {
    const thumb = await renderThumbnail(`${STUDIO}/iphone.heic`, 'heic');
    expect(thumb).toMatchObject({ width: 256, height: 256 });
    expect(await sharp(thumb.jpeg).metadata()).toMatchObject({ format: 'jpeg', width: 256, channels: 3 });
  });

  it('rejects a JPEG truncated mid-stream even though its header reads fine', async () => {
    const full = await sharp({
      create: {
        width: 800,
        height: 600,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer();
    const path = join(dir, 'truncated.jpg');
    await writeFile(path, full.subarray(0, full.length / 2));
    expect((await sharp(path).metadata()).width).toBe(800);
    await expect(renderThumbnail(path, 'jpeg')).rejects.toThrow(/premature end/);
  });

  it('names thumbnails after the image id', () => {
    expect(thumbnailPath('/t', 'abc')).toBe('/t/abc.jpg');
  });
});
