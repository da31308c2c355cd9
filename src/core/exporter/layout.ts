import { join, posix } from 'node:path';
import { type ExportChoice, kohyaFolderName } from '../../shared/export-presets';
import { aiToolkitConfig } from './ai-toolkit-config';
import type { ExportItem, ExportPlan } from './types';

/** A file a layout adds after the images. */
interface ExtraFile {
  name: string;
  data: Buffer;
}

/** How a preset arranges the pairs in a ZIP or a folder. */
export interface Layout {
  /** The folder inside the export that holds the images ('' for the top), with `/`. */
  imageDir: string;
  /** A `name.txt` beside each image (hf keeps captions in metadata.jsonl instead). */
  captionFiles: boolean;
  /** Files written after the images, from the items as written. */
  extras(items: ReadonlyArray<ExportItem>): ExtraFile[];
}

/** Today's layout: one flat folder of pairs (Replicate, fal). */
export const FLAT_LAYOUT: Layout = { imageDir: '', captionFiles: true, extras: () => [] };

/**
 * The layout of a folder-or-ZIP preset. `outPath` is where the export will be (the folder, or the ZIP): the
 * ai-toolkit config points at the real folder when exporting to one, and at `dataset` beside itself in a ZIP
 * (ai-toolkit resolves a relative path from where it runs, so the config says to change it).
 */
export function layoutFor(
  choice: Pick<ExportChoice, 'preset' | 'kohyaRepeats' | 'kohyaClassWord'>,
  trigger: string,
  where: { target: 'zip' | 'folder'; outPath: string },
): Layout {
  switch (choice.preset) {
    case 'ai-toolkit': {
      const dataset = where.target === 'folder' ? join(where.outPath, 'dataset') : 'dataset';
      return {
        imageDir: 'dataset',
        captionFiles: true,
        extras: () => [{ name: 'config.yaml', data: Buffer.from(aiToolkitConfig(trigger, dataset), 'utf8') }],
      };
    }
    case 'kohya':
      return { ...FLAT_LAYOUT, imageDir: kohyaFolderName(trigger, choice.kohyaRepeats, choice.kohyaClassWord) };
    case 'hf':
      return { imageDir: 'train', captionFiles: false, extras: (items) => [hfMetadata(items)] };
    default:
      return FLAT_LAYOUT;
  }
}

/** Puts each item where the layout says (its folder; no caption file when captions live elsewhere). */
export function layOut<P extends ExportPlan>(plan: P, layout: Layout): P {
  const at = (name: string) => (layout.imageDir ? posix.join(layout.imageDir, name) : name);
  const items = plan.items.map((item) => ({
    ...item,
    fileName: at(item.fileName),
    captionName: layout.captionFiles && item.captionName !== null ? at(item.captionName) : null,
  }));
  return { ...plan, items };
}

/**
 * Hugging Face `imagefolder`'s captions: `train/metadata.jsonl`, one `{"file_name","text"}` per line, file names
 * relative to it (what `load_dataset("imagefolder", data_dir=...)` reads into the `text` column).
 */
function hfMetadata(items: ReadonlyArray<ExportItem>): ExtraFile {
  const lines = items.map((i) =>
    JSON.stringify({ file_name: posix.basename(i.fileName), text: i.image.caption ?? '' }),
  );
  return { name: 'train/metadata.jsonl', data: Buffer.from(`${lines.join('\n')}\n`, 'utf8') };
}
