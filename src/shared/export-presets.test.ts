import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPORT_CHOICE,
  defaultExportName,
  EXPORT_PRESETS,
  ExportChoice,
  KOHYA_REPEATS_LIMITS,
  kohyaFolderName,
  PRESET_TARGETS,
  RESIZE_LIMITS,
  targetOf,
} from './export-presets';

describe('export presets', () => {
  it('starts every dataset on the Replicate ZIP, GPS removed, no resize', () => {
    expect(DEFAULT_EXPORT_CHOICE).toEqual({
      ...{ preset: 'replicate', target: 'zip', resizeLongSide: null, keepLocation: false },
      ...{ kohyaRepeats: 10, kohyaClassWord: 'photo' },
    });
  });

  it('gives every preset at least one target, beside only its own', () => {
    for (const preset of EXPORT_PRESETS) expect(PRESET_TARGETS[preset].length).toBeGreaterThan(0);
    expect(PRESET_TARGETS.beside).toEqual(['beside']);
    expect(targetOf({ preset: 'beside', target: 'zip' })).toBe('beside');
    expect(targetOf({ preset: 'kohya', target: 'zip' })).toBe('zip');
    expect(targetOf({ preset: 'hf', target: 'folder' })).toBe('folder');
  });

  it('refuses sizes, repeats and class words outside the limits', () => {
    expect(ExportChoice.safeParse({ resizeLongSide: RESIZE_LIMITS.min - 1 }).success).toBe(false);
    expect(ExportChoice.safeParse({ resizeLongSide: RESIZE_LIMITS.max }).success).toBe(true);
    expect(ExportChoice.safeParse({ kohyaRepeats: KOHYA_REPEATS_LIMITS.max + 1 }).success).toBe(false);
    expect(ExportChoice.safeParse({ kohyaClassWord: 'a/b' }).success).toBe(false);
    expect(ExportChoice.safeParse({ kohyaClassWord: '  ' }).success).toBe(false);
  });

  it("names kohya's folder repeats_trigger class", () => {
    expect(kohyaFolderName('ide_main_hall', 10, ' building ')).toBe('10_ide_main_hall building');
  });

  it('names the export after the trigger and the preset', () => {
    expect(defaultExportName('tok', { preset: 'replicate', target: 'zip' })).toBe('tok_training.zip');
    expect(defaultExportName('tok', { preset: 'kohya', target: 'folder' })).toBe('tok_kohya');
    expect(defaultExportName('tok', { preset: 'hf', target: 'zip' })).toBe('tok_hf.zip');
  });
});
