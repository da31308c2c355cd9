import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Sharp } from 'sharp';
import { AppError } from '../../shared/errors';
import { openUpright } from '../images';
import type { ExportItem } from './types';

/** JPEG quality for re-encoded images: visually lossless, and no chroma subsampling to keep fine colour. */
const JPEG_QUALITY = 95;

/**
 * What goes into the dataset for one image: the untouched source file, or its bytes (freshly encoded, or a copy
 * read ahead by the ZIP writer). Bytes that live in a shared buffer come with `release`, which the writer calls
 * with the moment they are consumed, so the buffer can be refilled after that.
 */
export type ImagePayload =
  | { kind: 'file'; path: string }
  | { kind: 'buffer'; data: Buffer; release?: (consumed: Promise<void>) => void };

/**
 * Produces the bytes for one export item. Copies are not read here: the ZIP writer reads or streams them and
 * the folder writer uses copyFile, so memory holds at most one encoded image per call. Re-encodes go through
 * openUpright (EXIF rotation, HEIC, colour space) and are
 * written as sRGB with an sRGB ICC profile, so every viewer and trainer shows the same colours; other
 * metadata (EXIF, GPS) is not carried over, so the orientation tag is gone with it.
 */
export async function renderImage(item: ExportItem): Promise<ImagePayload> {
  const { image, mode } = item;
  if (mode === 'copy') {
    await access(image.source, constants.R_OK).catch((e: unknown) => {
      throw new AppError('io', `Cannot read "${image.relPath}" (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    });
    return { kind: 'file', path: image.source };
  }
  try {
    const upright = await openUpright(image.source, image.format);
    const asPng = mode === 'to-png' || (mode === 'upright' && image.format === 'png');
    const data = await encode(upright, asPng).toBuffer();
    return { kind: 'buffer', data };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new AppError('io', `Cannot convert "${image.relPath}" for export: ${detail}`);
  }
}

function encode(pipeline: Sharp, asPng: boolean): Sharp {
  const srgb = pipeline.withIccProfile('srgb');
  if (asPng) return srgb.png({ compressionLevel: 6 });
  // JPEG has no alpha: composite any transparency onto white rather than sharp's default black.
  return srgb.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' });
}
