import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { AppError } from '../shared/errors';
import {
  DEFAULT_EXPORT_CHOICE,
  defaultExportName,
  EXPORT_PRESETS,
  ExportChoice,
  type ExportPresetId,
  KOHYA_REPEATS_LIMITS,
  PRESET_TARGETS,
  RESIZE_LIMITS,
} from '../shared/export-presets';

/** The export options `caption` and `export` share. */
export interface ExportFlags {
  preset: ExportPresetId;
  out?: string;
  resize?: number;
  keepLocation: boolean;
  repeats?: number;
  classWord?: string;
}

function intWithin(name: string, { min, max }: { min: number; max: number }) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** Adds the export options to a command (one definition for `caption` and `export`). */
export function withExportOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--preset <name>',
        'the layout a trainer reads: replicate (ZIP of pairs, also fal), ai-toolkit, kohya, hf, beside',
      )
        .choices(EXPORT_PRESETS)
        .default('replicate'),
    )
    .option(
      '-o, --out <path>',
      'where to write: a .zip file, or a folder (kohya, hf and ai-toolkit default to a folder; beside takes none)',
    )
    .option(
      '--resize <px>',
      `scale images down so the long side is at most this (${RESIZE_LIMITS.min}-${RESIZE_LIMITS.max}; never up)`,
      intWithin('--resize', RESIZE_LIMITS),
    )
    .option('--keep-location', 'keep GPS tags in the exported images (removed by default)', false)
    .option(
      '--repeats <n>',
      `kohya: repeats per image, the N of the N_trigger class folder (default ${DEFAULT_EXPORT_CHOICE.kohyaRepeats})`,
      intWithin('--repeats', KOHYA_REPEATS_LIMITS),
    )
    .option(
      '--class-word <word>',
      `kohya: what the subject is, the class of the N_trigger class folder (default ${DEFAULT_EXPORT_CHOICE.kohyaClassWord})`,
    );
}

/**
 * The export choice and where it goes. `--out` ending in `.zip` writes a ZIP, any other path a folder, each where
 * the preset allows it; without `--out`, the preset's own target under its default name in this folder.
 */
export function exportTargetOf(flags: ExportFlags, trigger: string): { choice: ExportChoice; path: string | null } {
  const allowed = PRESET_TARGETS[flags.preset];
  const wanted = flags.out === undefined ? allowed[0] : flags.out.toLowerCase().endsWith('.zip') ? 'zip' : 'folder';
  if (flags.preset === 'beside') {
    if (flags.out !== undefined)
      throw new AppError('validation', '--preset beside writes next to the originals: leave out --out.');
  } else if (!allowed.includes(wanted ?? 'zip')) {
    throw new AppError(
      'validation',
      `--preset ${flags.preset} writes ${allowed.join(' or ')}: ${flags.out} is not one.`,
    );
  }
  const target = wanted === 'folder' ? 'folder' : 'zip';
  const choice: ExportChoice = {
    ...DEFAULT_EXPORT_CHOICE,
    ...{ preset: flags.preset, target, keepLocation: flags.keepLocation, resizeLongSide: flags.resize ?? null },
    ...(flags.repeats !== undefined ? { kohyaRepeats: flags.repeats } : {}),
    ...(flags.classWord !== undefined ? { kohyaClassWord: flags.classWord.trim() } : {}),
  };
  if (flags.preset !== 'kohya' && (flags.repeats !== undefined || flags.classWord !== undefined)) {
    throw new AppError('validation', '--repeats and --class-word go with --preset kohya.');
  }
  const valid = ExportChoice.safeParse(choice);
  if (!valid.success) throw new AppError('validation', valid.error.issues.map((i) => i.message).join('; '));
  if (flags.preset === 'beside') return { choice, path: null };
  return { choice, path: resolve(flags.out ?? defaultExportName(trigger, choice)) };
}
