import { z } from 'zod';

/**
 * Export presets: the layout each trainer reads. The same images and captions, arranged differently:
 * - `replicate`: one flat folder of `name.jpg` + `name.txt` pairs (Replicate's and fal's trainers read the ZIP);
 * - `ai-toolkit`: `dataset/` with the pairs plus a ready `config.yaml` (ostris/ai-toolkit, FLUX LoRA) pointing at it;
 * - `kohya`: `{repeats}_{trigger} {class}/` holding the pairs (kohya-ss sd-scripts' DreamBooth-style folders);
 * - `hf`: Hugging Face `imagefolder`: `train/` with the images and a `metadata.jsonl` of `{"file_name","text"}`;
 * - `beside`: no export target: `name.txt` is written next to each original (a different `.txt` already there is
 *   kept as `name.txt.bak` first).
 */
export const EXPORT_PRESETS = ['replicate', 'ai-toolkit', 'kohya', 'hf', 'beside'] as const;
export const ExportPresetId = z.enum(EXPORT_PRESETS);
export type ExportPresetId = z.infer<typeof ExportPresetId>;

/** Where an export goes: a ZIP file, a folder, or beside the originals (`beside` only, no target path). */
export type ExportTarget = 'zip' | 'folder' | 'beside';

/** The targets each preset can write, the first one being its default. */
export const PRESET_TARGETS: Record<ExportPresetId, readonly ExportTarget[]> = {
  replicate: ['zip', 'folder'],
  'ai-toolkit': ['folder', 'zip'],
  kohya: ['folder', 'zip'],
  hf: ['folder', 'zip'],
  beside: ['beside'],
};

/** Smallest and largest long side the resize option accepts (px). */
export const RESIZE_LIMITS = { min: 256, max: 8192 } as const;
/** Kohya: how many times each image is seen per epoch, written in the folder name. */
export const KOHYA_REPEATS_LIMITS = { min: 1, max: 1000 } as const;

/**
 * The export dialog's choices, remembered per dataset (`DatasetManifest.exportChoice`) so the next export starts
 * where the last one left off. Every field has a default so manifests written before presets existed still load.
 */
export const ExportChoice = z.object({
  preset: ExportPresetId.default('replicate'),
  /** ZIP or folder; ignored by `beside`. A target the preset cannot write falls back to its default. */
  target: z.enum(['zip', 'folder']).default('zip'),
  /**
   * Long side at most this many px: larger images are scaled down (never up) with a high-quality filter
   * (Lanczos), upright, in sRGB, and re-encoded. null: images keep their size.
   */
  resizeLongSide: z.number().int().min(RESIZE_LIMITS.min).max(RESIZE_LIMITS.max).nullable().default(null),
  /**
   * Keep GPS tags in exported images. By default they are removed from every image without re-encoding
   * (other metadata and the pixels stay byte-identical).
   */
  keepLocation: z.boolean().default(false),
  /** Kohya only: repeats per image (the `10` of `10_trigger class`). */
  kohyaRepeats: z.number().int().min(KOHYA_REPEATS_LIMITS.min).max(KOHYA_REPEATS_LIMITS.max).default(10),
  /** Kohya only: the class word (the `class` of `10_trigger class`): what the subject is, e.g. `building`. */
  kohyaClassWord: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[^/\\:*?"<>|]+$/, 'The class word cannot contain / \\ : * ? " < > |')
    .default('photo'),
});
export type ExportChoice = z.output<typeof ExportChoice>;

/** The choices a dataset starts with (and what an old manifest without them reads as). */
export const DEFAULT_EXPORT_CHOICE: ExportChoice = ExportChoice.parse({});

/** The target an export of `choice` actually writes (a target its preset cannot write becomes its default). */
export function targetOf(choice: Pick<ExportChoice, 'preset' | 'target'>): ExportTarget {
  const allowed = PRESET_TARGETS[choice.preset];
  return allowed.includes(choice.target) ? choice.target : (allowed[0] as ExportTarget);
}

/** Kohya's folder for the pairs: `{repeats}_{trigger} {class}`, e.g. `10_ide_main_hall building`. */
export function kohyaFolderName(trigger: string, repeats: number, classWord: string): string {
  return `${repeats}_${trigger} ${classWord.trim()}`;
}

/** The name an export target gets by default: `{trigger}_{preset}.zip`, or the same without `.zip` for a folder. */
export function defaultExportName(trigger: string, choice: Pick<ExportChoice, 'preset' | 'target'>): string {
  const stem = choice.preset === 'replicate' ? `${trigger}_training` : `${trigger}_${choice.preset}`;
  return targetOf(choice) === 'zip' ? `${stem}.zip` : stem;
}
