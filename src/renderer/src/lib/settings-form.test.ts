import { describe, expect, it } from 'vitest';
import type { DatasetSettings } from '../../../shared/dataset';
import { DEFAULT_FALLBACK_MODELS } from '../../../shared/models';
import { chooseProvider, diffForm, formToPatch, setServerUrl, toForm, validateForm } from './settings-form';

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

const ollama: DatasetSettings = {
  ...base,
  provider: 'openai',
  baseUrl: 'http://127.0.0.1:11434/v1',
  model: 'qwen2.5vl:7b',
  concurrency: 2,
  rpm: null,
};

describe('settings form', () => {
  it('round-trips settings and reports only what changed', () => {
    const form = toForm(base);
    expect(validateForm(form)).toEqual({});
    expect(diffForm(form, base)).toEqual({});
    expect(diffForm({ ...form, rpm: '1000', prompt: 'x' }, base)).toEqual({ rpm: 1000, prompt: 'x' });
    expect(diffForm({ ...form, fallbackModels: ['gemma-3-27b-it'] }, base)).toEqual({
      fallbackModels: ['gemma-3-27b-it'],
    });
  });

  it('checks the same limits as the contract while typing', () => {
    const errors = validateForm({ ...toForm(base), concurrency: '0', rpm: 'ten', downscale: '100', prompt: ' ' });
    expect(Object.keys(errors).sort()).toEqual(['concurrency', 'downscale', 'prompt', 'rpm']);
  });

  it('turns the whole form into a patch for "use as default"', () => {
    expect(formToPatch(toForm(base))).toEqual(base);
  });

  it('"no limit" saves rpm null and keeps the typed number for when the box is unticked', () => {
    const form = toForm(ollama);
    expect(form).toMatchObject({ noRpmLimit: true, rpm: '60' });
    expect(diffForm(form, ollama)).toEqual({});
    expect(validateForm({ ...form, rpm: 'ten' })).toEqual({});
    expect(diffForm({ ...form, noRpmLimit: false, rpm: '30' }, ollama)).toEqual({ rpm: 30 });
  });

  it('a server needs an http(s) address and a model; the address is saved without a trailing slash', () => {
    const form = toForm(ollama);
    expect(validateForm({ ...form, baseUrl: 'localhost:11434' }).baseUrl).toMatch(/http:\/\//u);
    expect(validateForm({ ...form, baseUrl: 'ftp://x/v1' }).baseUrl).toBeDefined();
    expect(validateForm({ ...form, model: ' ' }).model).toBe('Choose a model.');
    expect(diffForm({ ...form, baseUrl: 'http://127.0.0.1:1234/v1/' }, ollama)).toEqual({
      baseUrl: 'http://127.0.0.1:1234/v1',
    });
  });
});

describe('switching who captions', () => {
  it('to a server: Ollama’s address, no model yet, local limits; prompt and size kept as typed', () => {
    const typed = { ...toForm(base), prompt: 'A new prompt', downscale: '1024' };
    const form = chooseProvider(typed, 'openai');
    expect(form).toMatchObject({
      ...{ provider: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: '', fallbackModels: [] },
      ...{ concurrency: '2', noRpmLimit: true, prompt: 'A new prompt', downscale: '1024' },
    });
    expect(validateForm(form)).toEqual({ model: 'Choose a model.' });
  });

  it('back to Gemini: the default model and the chain ending in Gemma 3 27B, the free-tier rate', () => {
    const form = chooseProvider(toForm(ollama), 'gemini');
    expect(form).toMatchObject({ provider: 'gemini', baseUrl: '', model: 'gemini-2.5-flash', noRpmLimit: false });
    expect(form.fallbackModels).toEqual(DEFAULT_FALLBACK_MODELS);
    expect(form.fallbackModels.at(-1)).toBe('gemma-3-27b-it');
    expect(chooseProvider(form, 'gemini')).toBe(form);
  });

  it('a preset or an address that moves off this computer gets that kind of limits; typing within keeps yours', () => {
    const mine = { ...toForm(ollama), concurrency: '1' };
    // Editing the port of a local address: the user's concurrency stays.
    expect(setServerUrl(mine, 'http://127.0.0.1:11435/v1')).toMatchObject({ concurrency: '1', noRpmLimit: true });
    // OpenRouter's preset: a remote service, a conservative rate limit.
    expect(setServerUrl(mine, 'https://openrouter.ai/api/v1')).toMatchObject({
      ...{ baseUrl: 'https://openrouter.ai/api/v1', concurrency: '4', noRpmLimit: false, rpm: '60' },
    });
    // LM Studio's preset from Ollama's (both local): local limits again.
    expect(setServerUrl(mine, 'http://127.0.0.1:1234/v1')).toMatchObject({ concurrency: '2', noRpmLimit: true });
    // Half-typed addresses change nothing but the text.
    expect(setServerUrl(mine, 'http://')).toEqual({ ...mine, baseUrl: 'http://' });
  });
});
