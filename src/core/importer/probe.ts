import sharp, { type Metadata } from 'sharp';
import type { ImageFormat, SkippedFile } from '../../shared/dataset';
import { MAX_INPUT_PIXELS, takenAtFrom } from '../images';
import { readFailure, skipped } from './skip';

/**
 * Header-only inspection: dimensions, orientation, alpha and the date taken, read without decoding a single pixel. This is where
 * decompression bombs are refused, so a 20000 × 20000 PNG costs a few kilobytes of reading, not 1.2 GB of RAM.
 */

/** Images smaller than this on either side are useless as training data. */
export const MIN_SIDE = 100;

export interface ProbedImage {
  format: ImageFormat;
  /** Dimensions as stored; upright dimensions come from the decoder (see thumbnail.ts). */
  width: number;
  height: number;
  orientation: number;
  hasAlpha: boolean;
  /** EXIF DateTimeOriginal (see taken-at.ts). */
  takenAt: string | null;
}

const formatDimensions = (w: number, h: number) => `${w} × ${h} px`;

/** Checks that only depend on the pixel count and the shortest side, which do not change under rotation. */
export function checkSize(path: string, width: number, height: number): SkippedFile | null {
  if (width * height > MAX_INPUT_PIXELS) {
    const mp = (n: number) => Math.round(n / 1_000_000);
    return skipped(
      path,
      'too-many-pixels',
      `Too many pixels to process safely (${formatDimensions(width, height)}, ${mp(width * height)} megapixels; ` +
        `the limit is ${mp(MAX_INPUT_PIXELS)} megapixels).`,
    );
  }
  if (Math.min(width, height) < MIN_SIDE) {
    return skipped(path, 'too-small', `Smaller than ${MIN_SIDE} px on a side (${formatDimensions(width, height)}).`);
  }
  return null;
}

export const corrupt = (path: string) =>
  skipped(path, 'corrupt', 'The image is damaged or incomplete and could not be read.');

/**
 * Reads the header of a file the sniffer recognised. `sniffedFormat` is refined for HEIF containers, whose codec
 * (HEVC for HEIC, AV1 for AVIF) only the header tells reliably.
 */
export async function probeImage(path: string, sniffedFormat: ImageFormat): Promise<ProbedImage | SkippedFile> {
  let meta: Metadata;
  try {
    // No pixel limit here on purpose: we want the real dimensions for the message, and metadata() never decodes.
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    return readFailure(path, corrupt(path));
  }
  const { width, height } = meta;
  if (!width || !height) return corrupt(path);
  const tooBigOrSmall = checkSize(path, width, height);
  if (tooBigOrSmall) return tooBigOrSmall;
  const format = meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : 'heic') : sniffedFormat;
  const orientation = meta.orientation && meta.orientation >= 1 && meta.orientation <= 8 ? meta.orientation : 1;
  return { format, width, height, orientation, hasAlpha: meta.hasAlpha, takenAt: takenAtFrom(meta.exif) };
}
