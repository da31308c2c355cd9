import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { DatasetStore } from '../core/datasets';
import { defaultSettings } from '../core/workflow';
import type { DatasetManifest, DatasetSettings } from '../shared/dataset';
import { AppError } from '../shared/errors';
import { withProvider } from '../shared/provider-settings';

export interface SettingsFlags {
  provider?: 'gemini' | 'openai';
  baseUrl?: string;
  model?: string;
  fallback?: string;
  concurrency?: number;
  rpm?: number;
  downscale?: number;
  promptFile?: string;
}

/** Flags given on this run override the dataset's settings; flags left out keep what the dataset had. */
async function settingsFromFlags(base: DatasetSettings, flags: SettingsFlags): Promise<DatasetSettings> {
  const provider = flags.provider ?? (flags.baseUrl ? 'openai' : base.provider);
  const next = { ...withProvider(base, provider, flags.baseUrl ?? base.baseUrl) };
  if (next.provider === 'openai' && !next.baseUrl) {
    throw new AppError(
      'validation',
      '--provider openai needs --base-url (for example http://127.0.0.1:11434/v1 for Ollama).',
    );
  }
  if (next.provider !== base.provider && !flags.model && next.provider === 'openai') {
    throw new AppError(
      'validation',
      "--provider openai needs --model: one of the server's models (its /v1/models list).",
    );
  }
  if (flags.model) next.model = flags.model;
  if (flags.fallback !== undefined)
    next.fallbackModels = flags.fallback
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (flags.concurrency) next.concurrency = flags.concurrency;
  if (flags.rpm) next.rpm = flags.rpm;
  if (flags.downscale) next.downscale = Math.max(256, flags.downscale);
  if (flags.promptFile) {
    const prompt = (await readFile(flags.promptFile, 'utf8')).replace(/^\uFEFF/, '').trim();
    if (prompt === '') throw new Error(`The prompt file ${flags.promptFile} is empty.`);
    next.prompt = prompt;
  }
  return next;
}

/**
 * The dataset for these paths and trigger: the existing one when the same folder(s) were captioned with the
 * same trigger before (so a rerun resumes), else a new one.
 */
export async function openOrCreateDataset(
  store: DatasetStore,
  paths: string[],
  trigger: string,
  flags: SettingsFlags,
): Promise<{ manifest: DatasetManifest; resumed: boolean }> {
  const roots = paths.map((p) => resolve(p));
  const existing = await store.findByRootsAndTrigger(roots, trigger);
  if (existing) {
    const manifest = await store.load(existing);
    const settings = await settingsFromFlags(manifest.settings, flags);
    if (JSON.stringify(settings) === JSON.stringify(manifest.settings)) return { manifest, resumed: true };
    // Inside the dataset's write queue, so captions written meanwhile (the app open on the same dataset) stay.
    return { manifest: await store.modify(existing, (m) => ({ ...m, settings })), resumed: true };
  }
  const settings = await settingsFromFlags(defaultSettings(), flags);
  const name = roots.length === 1 ? basename(roots[0] ?? trigger) : trigger;
  return { manifest: await store.create({ name, trigger, roots, settings }), resumed: false };
}
