import { describe, expect, it } from 'vitest';
import type { DatasetSettings } from '../../../shared/dataset';
import { diffForm, formToPatch, modelChoices, toForm, validateForm } from './settings-form';

const base: DatasetSettings = {
  provider: 'gemini',
  baseUrl: null,
  model: 'gemini-2.5-flash',
  fallbackModels: [],
  prompt: 'Describe {trigger}',
  concurrency: 4,
  rpm: 10,
  downscale: 1536,
};

describe('settings form', () => {
  it('round-trips settings and reports only what changed', () => {
    const form = toForm(base);
    expect(validateForm(form)).toEqual({});
    expect(diffForm(form, base)).toEqual({});
    expect(diffForm({ ...form, rpm: '1000', prompt: 'x' }, base)).toEqual({ rpm: 1000, prompt: 'x' });
  });

  it('checks the same limits as the contract while typing', () => {
    const errors = validateForm({ ...toForm(base), concurrency: '0', rpm: 'ten', downscale: '100', prompt: ' ' });
    expect(Object.keys(errors).sort()).toEqual(['concurrency', 'downscale', 'prompt', 'rpm']);
  });

  it('turns the whole form into a patch for "use as default"', () => {
    expect(formToPatch(toForm(base))).toEqual({
      model: 'gemini-2.5-flash',
      concurrency: 4,
      rpm: 10,
      downscale: 1536,
      prompt: 'Describe {trigger}',
    });
  });

  it('offers the known models plus an unknown current one', () => {
    expect(modelChoices('gemini-2.5-flash').map((m) => m.id)).not.toContain('gemini-9');
    expect(modelChoices('gemini-9').at(-1)).toEqual({ id: 'gemini-9', label: 'gemini-9' });
  });
});
