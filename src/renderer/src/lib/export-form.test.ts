import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_CHOICE, type ExportChoice } from '../../../shared/export-presets';
import { choiceOf, choosePreset, exportFormErrors, toExportForm } from './export-form';

const REMEMBERED: ExportChoice = {
  ...DEFAULT_EXPORT_CHOICE,
  ...{ resizeLongSide: 2048, keepLocation: true, kohyaRepeats: 4, kohyaClassWord: 'hall' },
};

describe('export form', () => {
  it('round-trips a remembered choice unchanged', () => {
    expect(choiceOf(toExportForm(REMEMBERED), REMEMBERED)).toEqual(REMEMBERED);
  });

  it('moves to a preset’s own first target, and keeps a ZIP for Replicate', () => {
    const form = toExportForm(DEFAULT_EXPORT_CHOICE);
    expect(choosePreset(form, 'ai-toolkit').target).toBe('folder');
    expect(choosePreset(choosePreset(form, 'hf'), 'replicate').target).toBe('zip');
    expect(choosePreset(form, 'beside').target).toBe('zip');
  });

  it('beside writes no images: the image options and target stay as remembered', () => {
    const form = { ...toExportForm(REMEMBERED), preset: 'beside' as const, resize: false, removeLocation: true };
    expect(choiceOf(form, REMEMBERED)).toEqual({ ...REMEMBERED, preset: 'beside' });
  });

  it('checks only what the preset uses', () => {
    const bad = { ...toExportForm(DEFAULT_EXPORT_CHOICE), repeatsText: '0', classWord: 'a:b' };
    expect(exportFormErrors(bad)).toEqual({});
    expect(Object.keys(exportFormErrors({ ...bad, preset: 'kohya' }))).toEqual(['repeats', 'classWord']);
    const tiny = { ...toExportForm(DEFAULT_EXPORT_CHOICE), resize: true, resizeText: '255' };
    expect(exportFormErrors(tiny).resize).toContain('256');
    expect(exportFormErrors({ ...tiny, resize: false })).toEqual({});
    expect(choiceOf(tiny, DEFAULT_EXPORT_CHOICE)).toBeNull();
  });

  it('an unticked resize box exports at full size but keeps the number for next time', () => {
    const form = { ...toExportForm(REMEMBERED), resize: false };
    expect(form.resizeText).toBe('2048');
    expect(choiceOf(form, REMEMBERED)?.resizeLongSide).toBeNull();
    expect(toExportForm(DEFAULT_EXPORT_CHOICE).resizeText).toBe('1024');
  });
});
