import type { ImageFormat } from '../../shared/dataset';

/**
 * The tiny images the self-test decodes, one per format the importer accepts. They live in `resources/self-test/`
 * and ship beside app.asar (electron-builder `extraResources`), because libvips opens files by path and a path
 * inside an asar archive means nothing to it. `scripts/make-self-test-images.ts` writes them.
 */
export const SELF_TEST_IMAGES_DIR = 'self-test';

export interface SampleImage {
  file: string;
  /** Upright size, which the decode must reproduce. */
  width: number;
  height: number;
}

/** A Record over every ImageFormat, so a new format without its sample image does not compile. */
export const SAMPLE_IMAGES: Readonly<Record<ImageFormat, SampleImage>> = {
  jpeg: { file: 'sample.jpg', width: 48, height: 32 },
  png: { file: 'sample.png', width: 48, height: 32 },
  webp: { file: 'sample.webp', width: 48, height: 32 },
  // sharp's prebuilt libvips cannot encode HEVC, so this one is a copy of the shared iPhone-style fixture.
  heic: { file: 'sample.heic', width: 256, height: 256 },
  avif: { file: 'sample.avif', width: 48, height: 32 },
  tiff: { file: 'sample.tiff', width: 48, height: 32 },
  gif: { file: 'sample.gif', width: 48, height: 32 },
};
