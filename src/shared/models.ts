/**
 * The Gemini models Caption Studio offers, with what the captioner needs to call them well and what the UI
 * needs to estimate cost. Prices are USD per million tokens (standard tier, late 2026).
 */
export interface ModelInfo {
  id: string;
  label: string;
  /** USD per 1M input tokens. */
  inputPrice: number;
  /** USD per 1M output tokens (thinking is billed as output). */
  outputPrice: number;
  /**
   * Thinking budget to send: 0 turns thinking off; null leaves the model's default (Flash-Lite: off already).
   * Pro cannot turn thinking off (minimum 128), so it gets a small budget and a larger output cap.
   */
  thinkingBudget: number | null;
  /** maxOutputTokens: thinking counts toward it on 2.5 models, so Pro needs room or captions come back empty. */
  maxOutputTokens: number;
}

export const MODELS: readonly ModelInfo[] = [
  {
    id: 'gemini-2.5-flash',
    label: 'Gemini 2.5 Flash (recommended)',
    inputPrice: 0.3,
    outputPrice: 2.5,
    thinkingBudget: 0,
    maxOutputTokens: 400,
  },
  {
    id: 'gemini-2.5-flash-lite',
    label: 'Gemini 2.5 Flash-Lite (cheapest)',
    inputPrice: 0.1,
    outputPrice: 0.4,
    thinkingBudget: null,
    maxOutputTokens: 400,
  },
  {
    id: 'gemini-2.5-pro',
    label: 'Gemini 2.5 Pro (slowest, most detailed)',
    inputPrice: 1.25,
    outputPrice: 10,
    thinkingBudget: 128,
    maxOutputTokens: 2048,
  },
];

export const DEFAULT_MODEL = 'gemini-2.5-flash';
export const DEFAULT_FALLBACK_MODELS = ['gemini-2.5-flash-lite'];

/** Unknown model ids (new releases typed by power users) get conservative Flash-like settings. */
export function modelInfo(id: string): ModelInfo {
  return (
    MODELS.find((m) => m.id === id) ?? {
      id,
      label: id,
      inputPrice: 0.3,
      outputPrice: 2.5,
      thinkingBudget: null,
      maxOutputTokens: 2048,
    }
  );
}

/** Typical tokens per caption, used for estimates before a run (about 258 image + prompt, ~25 out). */
export const TYPICAL_INPUT_TOKENS = 290;
export const TYPICAL_OUTPUT_TOKENS = 30;

export function estimateCostUsd(model: string, inputTokens: number, outputTokens: number): number {
  const m = modelInfo(model);
  return (inputTokens * m.inputPrice + outputTokens * m.outputPrice) / 1_000_000;
}
