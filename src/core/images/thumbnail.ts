import { join } from 'node:path';
import type { ImageFormat } from '../../shared/dataset';
import { openUpright } from './decode';

/** Grid thumbnails: small enough for thousands in memory-light lists, sharp enough on high-DPI screens. */
export const THUMBNAIL_LONG_SIDE = 400;
const THUMBNAIL_QUALITY = 80;

export function thumbnailPath(thumbsDir: string, id: string): string {
  return join(thumbsDir, `${id}.jpg`);
}

export interface RenderedThumbnail {
  /** The encoded JPEG (a few tens of kilobytes). */
  jpeg: Buffer;
  /** Upright dimensions of the source image as the decoder sees it. */
  width: number;
  height: number;
}

/**
 * Decodes the whole image (this is the real integrity check: a truncated file whose header reads fine fails
 * here) and encodes an upright sRGB JPEG thumbnail with transparency flattened onto white. Returns the bytes
 * rather than writing them so callers can tell a damaged image (this rejects) from a disk problem (writing fails).
 */
export async function renderThumbnail(source: string, format: ImageFormat): Promise<RenderedThumbnail> {
  const pipeline = await openUpright(source, format);
  // For files this re-reads only the header; for decoded HEIC it describes the raw, already-upright pixels.
  const { autoOrient } = await pipeline.metadata();
  const jpeg = await pipeline
    .resize(THUMBNAIL_LONG_SIDE, THUMBNAIL_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: THUMBNAIL_QUALITY })
    .toBuffer();
  return { jpeg, width: autoOrient.width, height: autoOrient.height };
}
