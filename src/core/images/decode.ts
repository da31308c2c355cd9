import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import type { ImageFormat } from '../../shared/dataset';
import { decodeHeic } from './heic-decoder';

/**
 * Opening an image upright, in sRGB, whatever its format. Every consumer (thumbnails, the copy sent to Gemini,
 * export conversion) goes through here so EXIF orientation, colour space and HEIC are handled in one place.
 */

/** Images with more pixels than this are refused before decoding (decompression-bomb guard). 100 MP. */
export const MAX_INPUT_PIXELS = 100_000_000;

/** Decodes HEIC/HEIF without the platform codec (libheif as WASM, in worker threads), handed to sharp as RGBA. */
async function openHeic(source: string): Promise<Sharp> {
  // Same pixel guard sharp applies to other formats, checked before the decoder allocates anything.
  const { width, height, data } = await decodeHeic(await readFile(source), MAX_INPUT_PIXELS);
  // heic-decode applies the HEIF rotation/mirror transforms itself, so the pixels are already upright.
  return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    raw: { width, height, channels: 4 },
    limitInputPixels: MAX_INPUT_PIXELS,
  });
}

/**
 * A sharp pipeline for `source`, rotated upright per EXIF and converted to sRGB (CMYK and 16-bit inputs become
 * 8-bit sRGB). GIFs yield their first frame. Callers add resize/encode steps. Damaged or truncated pixel data
 * makes the pipeline's output step reject (`failOn: 'error'` covers truncation), so callers detect corruption.
 */
export async function openUpright(source: string, format: ImageFormat): Promise<Sharp> {
  const base =
    format === 'heic'
      ? await openHeic(source)
      : sharp(source, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1, failOn: 'error' });
  return base.autoOrient().toColourspace('srgb');
}
