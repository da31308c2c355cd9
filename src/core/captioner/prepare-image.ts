import type { ImageFormat } from '../../shared/dataset';
import { openUpright } from '../images';

/** The copy of an image sent to the model. */
export interface PreparedImage {
  data: Buffer;
  mimeType: 'image/jpeg';
}

/** Quality 85 keeps every detail a caption needs at a fraction of the upload size. */
const JPEG_QUALITY = 85;

/**
 * An upright sRGB JPEG whose long side is at most `longSide` (never enlarged), transparency flattened onto
 * white. Gemini bills about 258 tokens per image whatever its size, so this saves upload bytes and time, not
 * tokens; local models tile big images into many tokens, so for them it also keeps the request inside the context
 * window. It turns HEIC, TIFF or GIF into a format every model accepts. Metadata (EXIF orientation included) is
 * dropped, so the pixels are the only truth.
 */
export async function prepareImage(source: string, format: ImageFormat, longSide: number): Promise<PreparedImage> {
  const image = await openUpright(source, format);
  const data = await image
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
  return { data, mimeType: 'image/jpeg' };
}

/**
 * The size of the second try when a server refused an image as too big for the model's context: half the long
 * side (a quarter of the pixels, so about a quarter of the image tokens on tiling models), never below 384 px.
 */
export function smallerSide(longSide: number): number {
  return Math.max(384, Math.floor(longSide / 2));
}
