/**
 * What Caption Studio knows about the models it can caption with: how to call each one well (thinking control,
 * output cap) and what it costs. The list of models a key or server really offers comes from the API at run time
 * (`listModels`); this table only adds settings and prices to the ones it knows, and unknown models get safe
 * defaults from their family. Prices are USD per million tokens on the standard tier (late 2026); the Batch API
 * costs half. Free daily request quotas are the approximate AI Studio figures for a free key (late 2026: Google
 * shows them only per project, and they change), used to explain where a fallback chain will go, never to refuse.
 */

import type { ProviderName } from './dataset';

export type { ProviderName } from './dataset';

/** How a model's thinking is kept short: a token budget (2.5), a level (3), or not at all (Gemma, others). */
export type ThinkingControl =
  | { kind: 'budget'; budget: number | null }
  | { kind: 'level'; level: 'MINIMAL' | 'LOW' }
  | { kind: 'none' };

export interface ModelInfo {
  id: string;
  label: string;
  provider: ProviderName;
  /** USD per 1M input tokens; null when not known (a remote server's model we have no price for). */
  inputPrice: number | null;
  /** USD per 1M output tokens (thinking is billed as output). */
  outputPrice: number | null;
  thinking: ThinkingControl;
  /** maxOutputTokens: on 2.5 models thinking counts toward it, so Pro needs room or captions come back empty. */
  maxOutputTokens: number;
  /** About how many requests a free Gemini key may send per day; null when not known or not limited. */
  freeRequestsPerDay: number | null;
  /** False for ids this table does not list (settings come from the family's defaults). */
  known: boolean;
}

const gemini = (m: Omit<ModelInfo, 'provider' | 'known'>): ModelInfo => ({ ...m, provider: 'gemini', known: true });

export const GEMINI_MODELS: readonly ModelInfo[] = [
  gemini({
    ...{ id: 'gemini-2.5-flash', label: 'Gemini 2.5 Flash', inputPrice: 0.3, outputPrice: 2.5 },
    ...{ thinking: { kind: 'budget', budget: 0 }, maxOutputTokens: 400, freeRequestsPerDay: 20 },
  }),
  gemini({
    ...{ id: 'gemini-2.5-flash-lite', label: 'Gemini 2.5 Flash-Lite', inputPrice: 0.1, outputPrice: 0.4 },
    ...{ thinking: { kind: 'budget', budget: null }, maxOutputTokens: 400, freeRequestsPerDay: 20 },
  }),
  gemini({
    ...{ id: 'gemini-2.5-pro', label: 'Gemini 2.5 Pro', inputPrice: 1.25, outputPrice: 10 },
    // Pro cannot turn thinking off (minimum 128), so it gets a small budget and a larger output cap.
    ...{ thinking: { kind: 'budget', budget: 128 }, maxOutputTokens: 2048, freeRequestsPerDay: null },
  }),
  gemini({
    ...{ id: 'gemini-3-flash-preview', label: 'Gemini 3 Flash', inputPrice: 0.5, outputPrice: 3 },
    ...{ thinking: { kind: 'level', level: 'MINIMAL' }, maxOutputTokens: 1024, freeRequestsPerDay: 20 },
  }),
  gemini({
    ...{ id: 'gemini-3-pro-preview', label: 'Gemini 3 Pro', inputPrice: 2, outputPrice: 12 },
    ...{ thinking: { kind: 'level', level: 'LOW' }, maxOutputTokens: 4096, freeRequestsPerDay: null },
  }),
  // Gemma on the Gemini API: no thinking settings, no system instruction, free with a far larger daily quota.
  gemini({
    ...{ id: 'gemma-3-27b-it', label: 'Gemma 3 27B', inputPrice: 0, outputPrice: 0 },
    ...{ thinking: { kind: 'none' }, maxOutputTokens: 400, freeRequestsPerDay: 14_400 },
  }),
  gemini({
    ...{ id: 'gemma-3-12b-it', label: 'Gemma 3 12B', inputPrice: 0, outputPrice: 0 },
    ...{ thinking: { kind: 'none' }, maxOutputTokens: 400, freeRequestsPerDay: 14_400 },
  }),
  gemini({
    ...{ id: 'gemma-3-4b-it', label: 'Gemma 3 4B', inputPrice: 0, outputPrice: 0 },
    ...{ thinking: { kind: 'none' }, maxOutputTokens: 400, freeRequestsPerDay: 14_400 },
  }),
];

/** OpenAI's own vision models we have prices for; other servers' models are priced as unknown (local: free). */
const OPENAI_MODELS: readonly ModelInfo[] = [
  ['gpt-4.1-mini', 'GPT-4.1 mini', 0.4, 1.6],
  ['gpt-4.1-nano', 'GPT-4.1 nano', 0.1, 0.4],
  ['gpt-4o-mini', 'GPT-4o mini', 0.15, 0.6],
].map(([id, label, inputPrice, outputPrice]) => ({
  ...{ id: String(id), label: String(label), provider: 'openai' as const, known: true },
  ...{ inputPrice: Number(inputPrice), outputPrice: Number(outputPrice) },
  ...{ thinking: { kind: 'none' as const }, maxOutputTokens: 400, freeRequestsPerDay: null },
}));

export const DEFAULT_MODEL = 'gemini-2.5-flash';
/** Ends in a model with a large free daily quota, so a student's free key finishes a dataset in one day. */
export const DEFAULT_FALLBACK_MODELS = ['gemini-2.5-flash-lite', 'gemma-3-27b-it'];

/** Settings for a model id; unknown ids (new releases, local models) get their family's safe defaults. */
export function modelInfo(id: string, provider: ProviderName = 'gemini'): ModelInfo {
  const table = provider === 'gemini' ? GEMINI_MODELS : OPENAI_MODELS;
  const found = table.find((m) => m.id === id);
  if (found) return found;
  const base = { id, label: id, provider, known: false, freeRequestsPerDay: null, inputPrice: null, outputPrice: null };
  if (provider === 'openai') {
    // Reasoning models spend tokens thinking before the caption: room for that, or the caption is cut off.
    return { ...base, thinking: { kind: 'none' }, maxOutputTokens: 2048 };
  }
  if (id.startsWith('gemma-'))
    return { ...base, inputPrice: 0, outputPrice: 0, thinking: { kind: 'none' }, maxOutputTokens: 400 };
  if (id.startsWith('gemini-3')) return { ...base, thinking: { kind: 'level', level: 'LOW' }, maxOutputTokens: 2048 };
  return { ...base, thinking: { kind: 'budget', budget: null }, maxOutputTokens: 2048 };
}

/** Typical tokens per caption, used for estimates before a run (about 258 image + prompt, ~25 out). */
export const TYPICAL_INPUT_TOKENS = 290;
export const TYPICAL_OUTPUT_TOKENS = 30;

/** Cost in USD, or null when the model's price is not known. The Batch API bills half. */
export function estimateCostUsd(
  model: string,
  inputTokens: number,
  outputTokens: number,
  opts: { provider?: ProviderName; batch?: boolean } = {},
): number | null {
  const m = modelInfo(model, opts.provider);
  if (m.inputPrice === null || m.outputPrice === null) return null;
  const full = (inputTokens * m.inputPrice + outputTokens * m.outputPrice) / 1_000_000;
  return opts.batch ? full / 2 : full;
}

/** What 1,000 typical captions cost on a model (the figure the model pickers show). */
export function costPerThousand(model: string, provider: ProviderName = 'gemini', batch = false): number | null {
  return estimateCostUsd(model, 1000 * TYPICAL_INPUT_TOKENS, 1000 * TYPICAL_OUTPUT_TOKENS, { provider, batch });
}
