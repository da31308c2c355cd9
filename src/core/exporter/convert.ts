import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Sharp } from 'sharp';
import { AppError } from '../../shared/errors';
import { openUpright } from '../images';
import { locationPatches, type Patch } from './location';
import type { ExportItem } from './types';

/** JPEG quality for re-encoded images: visually lossless, and no chroma subsampling to keep fine colour. */
const JPEG_QUALITY = 95;

/**
 * What goes into the dataset for one image: the source file (with the GPS patches to write into its copy), or
 * its bytes (freshly encoded, or a copy read ahead by the ZIP writer, patched already). Bytes that live in a
 * shared buffer come with `release`, which the writer calls with the moment they are consumed, so the buffer can
 * be refilled after that. `locationRemoved`: GPS tags were found and removed.
 */
export type ImagePayload =
  | { kind: 'file'; path: string; patches: Patch[]; locationRemoved: boolean }
  | { kind: 'buffer'; data: Buffer; release?: (consumed: Promise<void>) => void; locationRemoved: boolean };

/**
 * Produces the bytes for one export item. Copies are not read here (only the header, for GPS): the ZIP writer
 * reads or streams them and the folder writer uses copyFile, so memory holds at most one encoded image per call.
 * Re-encodes go through openUpright (EXIF rotation, HEIC, colour space), are scaled down (Lanczos, never up) when
 * the item says so, and are written as sRGB with an sRGB ICC profile, so every viewer and trainer shows the same
 * colours. Other metadata (EXIF, GPS) is not carried over, unless the user keeps the location: then the EXIF
 * block goes along (sharp resets its orientation to upright).
 */
export async function renderImage(item: ExportItem): Promise<ImagePayload> {
  const { image, mode } = item;
  if (mode === 'copy') {
    const patches = await access(image.source, constants.R_OK)
      .then(() => locationPatches(item))
      .catch((e: unknown) => {
        throw new AppError('io', `Cannot read "${image.relPath}" (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
      });
    return { kind: 'file', path: image.source, patches, locationRemoved: patches.length > 0 };
  }
  try {
    let pipeline = await openUpright(image.source, image.format);
    if (item.resize !== null) {
      const side = item.resize;
      pipeline = pipeline.resize({
        width: side,
        height: side,
        fit: 'inside',
        withoutEnlargement: true,
        kernel: 'lanczos3',
      });
    }
    if (!item.stripLocation) pipeline = pipeline.keepExif();
    const asPng = mode === 'to-png' || (mode === 'reencode' && image.format === 'png');
    const data = await encode(pipeline, asPng).toBuffer();
    return { kind: 'buffer', data, locationRemoved: false };
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
