import type { ImageEntry } from '../../../shared/dataset';
import { type ExportPresetId, type ExportTarget, kohyaFolderName } from '../../../shared/export-presets';
import type { ExportReport } from '../../../shared/progress';
import { formatBytes, plural } from './format';

/** Each preset as the dialog names it: who reads it, and one sentence on what it writes. */
export const PRESET_INFO: Record<ExportPresetId, { label: string; summary: string }> = {
  replicate: {
    label: 'Replicate / fal',
    summary: 'Image and caption pairs side by side, as the FLUX LoRA trainers there read them.',
  },
  'ai-toolkit': {
    label: 'ai-toolkit',
    summary: 'The pairs in dataset/ and a ready config.yaml for a FLUX LoRA.',
  },
  kohya: {
    label: 'kohya (sd-scripts)',
    summary: 'The pairs in a folder named for the repeats, trigger word and class.',
  },
  hf: {
    label: 'Hugging Face',
    summary: 'An imagefolder: train/ with the images and a metadata.jsonl of captions.',
  },
  beside: {
    label: 'Next to the photos',
    summary: 'A caption file beside each photo, for trainers that read your folders.',
  },
};

/**
 * The names one image gets: in an export (JPEG and PNG keep their format, the others become JPEG, or PNG when
 * transparent), or next to its original for `beside`.
 */
export function previewNames(
  image: Pick<ImageEntry, 'exportName' | 'format' | 'hasAlpha' | 'relPath'>,
  beside: boolean,
): { image: string; caption: string } {
  if (beside) {
    const file = image.relPath.split('/').pop() ?? image.relPath;
    const dot = file.lastIndexOf('.');
    return { image: file, caption: `${dot > 0 ? file.slice(0, dot) : file}.txt` };
  }
  const png = image.format === 'png' || (image.format !== 'jpeg' && image.hasAlpha);
  return { image: `${image.exportName}.${png ? 'png' : 'jpg'}`, caption: `${image.exportName}.txt` };
}

/**
 * What the export will contain, as a short tree of paths (the first image's names stand for all of them), so the
 * user sees the folder a trainer will read before anything is written.
 */
export function layoutPreview(
  preset: ExportPresetId,
  names: { image: string; caption: string },
  kohya: { trigger: string; repeats: number; classWord: string },
): string[] {
  const pair = (dir: string) => [`${dir}${names.image}`, `${dir}${names.caption}`, `${dir}…`];
  switch (preset) {
    case 'replicate':
      return pair('');
    case 'ai-toolkit':
      return ['config.yaml', ...pair('dataset/')];
    case 'kohya':
      return pair(`${kohyaFolderName(kohya.trigger, kohya.repeats, kohya.classWord)}/`);
    case 'hf':
      return ['train/metadata.jsonl', `train/${names.image}`, 'train/…'];
    case 'beside':
      return [names.image, `${names.caption}   (written next to it)`];
  }
}

/** The button that starts the export: it says where the next question will be about. */
export function exportButtonLabel(target: ExportTarget): string {
  if (target === 'beside') return 'Write captions';
  return target === 'zip' ? 'Export ZIP…' : 'Export to folder…';
}

/** The report's one line under the headline: size, then what happened to the images. */
export function reportDetail(r: ExportReport): string {
  if (r.target === 'beside') {
    // A caption file already holding the same caption is left alone.
    const same = r.images - r.written.length;
    const parts = [`${plural(r.written.length, 'caption file')} written next to the photos`];
    if (r.backups.length > 0) parts.push(`${plural(r.backups.length, 'older caption file')} kept as .bak`);
    if (same > 0) parts.push(`${count(same)} already up to date`);
    return parts.join(' · ');
  }
  const parts = [formatBytes(r.bytes), `${count(r.copied)} copied as they are`];
  if (r.converted > 0) parts.push(`${count(r.converted)} converted to upright JPEG/PNG`);
  if (r.resized > 0) parts.push(`${count(r.resized)} scaled down`);
  if (r.locationRemoved > 0) parts.push(`location removed from ${count(r.locationRemoved)}`);
  return parts.join(' · ');
}

/** What to do with the export, in the trainer's own terms. */
export function nextStep(r: ExportReport): string {
  const where = r.target === 'zip' ? 'this ZIP' : 'this folder';
  switch (r.preset) {
    case 'replicate':
      return `Upload ${where} as the training images of your LoRA trainer (Replicate’s or fal’s FLUX trainer).`;
    case 'ai-toolkit':
      return r.target === 'zip'
        ? 'Unzip it, then run ai-toolkit on the config: python run.py config.yaml (its folder_path says dataset; change it if you unzip elsewhere).'
        : 'Run ai-toolkit on the config inside: python run.py config.yaml.';
    case 'kohya':
      return `Point kohya’s train_data_dir at ${where}${r.target === 'zip' ? ' once unzipped' : ''}: the folder inside holds the repeats and class.`;
    case 'hf':
      return `Load it with datasets: load_dataset("imagefolder", data_dir=…), or push it to the Hugging Face Hub.`;
    case 'beside':
      return 'Each photo now has its caption file next to it, for trainers that read your own folders.';
  }
}

const count = (n: number) => n.toLocaleString('en-US');
