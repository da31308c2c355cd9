import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageFormat } from '../../../shared/dataset';
import { SAMPLE_IMAGES } from '../images';
import type { Check } from '../runner';

/**
 * One check per supported format: the bundled sample is recognised by content, as the importer does, then fully
 * decoded to a thumbnail through the app's own decode path (core/images: sharp, or the HEIC decoder), upright.
 */

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`missing ${path}`);
    throw e;
  }
}

function decodeCheck(imagesDir: string, format: ImageFormat): Check {
  const sample = SAMPLE_IMAGES[format];
  return {
    name: `decode ${format}`,
    async run() {
      const path = join(imagesDir, sample.file);
      const bytes = await sizeOf(path);
      // Loaded here, not at the top: the importer brings sharp, and a broken sharp must fail this line, not the run.
      const { readHead, sniff } = await import('../../importer/sniff');
      const sniffed = sniff(await readHead(path), sample.file);
      if (sniffed.kind !== 'image' || sniffed.format !== format) {
        throw new Error(`${path} is not recognised as ${format} (${JSON.stringify(sniffed)})`);
      }
      const { renderThumbnail } = await import('../../images/thumbnail');
      const thumb = await renderThumbnail(path, format);
      if (thumb.width !== sample.width || thumb.height !== sample.height) {
        throw new Error(`decoded ${thumb.width}×${thumb.height}, expected ${sample.width}×${sample.height}`);
      }
      return `${sample.file} (${bytes} B) ${thumb.width}×${thumb.height}, thumbnail ${thumb.jpeg.length} B`;
    },
  };
}

export function imageChecks(imagesDir: string): Check[] {
  return (Object.keys(SAMPLE_IMAGES) as ImageFormat[]).map((format) => decodeCheck(imagesDir, format));
}
