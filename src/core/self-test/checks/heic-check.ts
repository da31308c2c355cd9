import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SAMPLE_IMAGES } from '../images';
import type { Check } from '../runner';

/**
 * heic-decode's WASM, run in a worker thread exactly as the importer runs it. The importer would fall back to
 * decoding on the calling thread if workers failed (slower, still correct), which would hide a packaging problem,
 * so this check uses the worker path alone.
 */
export function heicWorkerCheck(imagesDir: string): Check {
  return {
    name: 'HEIC decoder (WASM, worker)',
    async run() {
      const sample = SAMPLE_IMAGES.heic;
      const { decodeHeicInWorker } = await import('../../images/heic-decoder');
      const buffer = await readFile(join(imagesDir, sample.file));
      const { width, height, data } = await decodeHeicInWorker(buffer, sample.width * sample.height);
      if (width !== sample.width || height !== sample.height) {
        throw new Error(`decoded ${width}×${height}, expected ${sample.width}×${sample.height}`);
      }
      if (!data.some((v) => v !== 0)) throw new Error('decoded to blank pixels');
      return `${sample.file} ${width}×${height} in a worker thread, ${createRequire(import.meta.url).resolve('heic-decode')}`;
    },
  };
}
