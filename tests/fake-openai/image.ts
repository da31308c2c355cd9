import sharp from 'sharp';
import { sha256 } from '../support/hash';
import type { ImageProblem } from './flavours';
import type { ImageInfo } from './options';

/**
 * Decodes an image part the way the servers do: a base64 data URL whose MIME type the server accepts, holding
 * bytes an image decoder can read. Its prompt cost grows with its pixels, which is why big photos overflow small
 * context windows.
 */

export type DecodedImage = { ok: true; info: ImageInfo } | { ok: false; problem: ImageProblem };

const DATA_URL = /^data:([^;,]*);base64,(.*)$/su;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/u;

/** Side of the square of pixels one vision token covers (Qwen2.5-VL: 14 px patches merged 2x2). */
const PATCH_PX = 28;

/** One token per 28x28 patch plus the two markers around the image. */
export const imageTokens = (width: number, height: number): number =>
  Math.ceil(width / PATCH_PX) * Math.ceil(height / PATCH_PX) + 2;

export async function decodeImage(url: string, acceptsType: (mime: string) => boolean): Promise<DecodedImage> {
  if (/^https?:\/\//iu.test(url)) return { ok: false, problem: 'remote-url' };
  const [, mimeType = '', data = ''] = DATA_URL.exec(url) ?? [];
  if (!DATA_URL.test(url) || !acceptsType(mimeType) || !BASE64.test(data))
    return { ok: false, problem: 'bad-data-url' };
  const bytes = Buffer.from(data, 'base64');
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(bytes).metadata());
  } catch {
    return { ok: false, problem: 'undecodable' };
  }
  if (!width || !height) return { ok: false, problem: 'undecodable' };
  return {
    ok: true,
    info: {
      mimeType,
      dataUrlChars: url.length,
      bytes: bytes.length,
      sha256: sha256(bytes),
      width,
      height,
      tokens: imageTokens(width, height),
    },
  };
}
