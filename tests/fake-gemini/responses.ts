import { answerFor, tokenCount, triggerFromPrompt } from './captions';
import type { ParsedRequest } from './request';

/**
 * generateContent response bodies shaped like the real API's: candidates with finishReason, usageMetadata with
 * thinking tokens, safety blocks with empty content, prompt blocks without candidates.
 */

export interface Usage {
  promptTokenCount: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount: number;
  promptTokensDetails: Array<{ modality: string; tokenCount: number }>;
}

function usage(req: ParsedRequest, candidates: number, thoughts: number): Usage {
  const imageTokens = req.image ? 258 : 0;
  const textTokens = tokenCount(req.prompt);
  const promptTokenCount = imageTokens + textTokens;
  return {
    promptTokenCount,
    ...(candidates > 0 ? { candidatesTokenCount: candidates } : {}),
    ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
    totalTokenCount: promptTokenCount + candidates + thoughts,
    promptTokensDetails: [
      { modality: 'TEXT', tokenCount: textTokens },
      ...(req.image ? [{ modality: 'IMAGE', tokenCount: imageTokens }] : []),
    ],
  };
}

/**
 * Thinking tokens a model spends: 2.5 Flash thinks unless the budget is 0, Flash-Lite only when given a budget,
 * Pro always (a budget of 0 is rejected). Returns 'invalid' for Pro with budget 0.
 */
export function thinkingTokensFor(model: string, budget: number | undefined, simulated: number): number | 'invalid' {
  const capped = (b: number | undefined) => (b === undefined || b < 0 ? simulated : Math.min(b, simulated));
  if (/-pro\b/u.test(model))
    return budget === 0 ? 'invalid' : capped(budget === undefined ? budget : Math.max(128, budget));
  if (/flash-lite/u.test(model)) return budget !== undefined && budget > 0 ? capped(budget) : 0;
  if (/2\.5-flash/u.test(model)) return budget === 0 ? 0 : capped(budget);
  return 0;
}

const base = (model: string) => ({ modelVersion: model, responseId: Math.random().toString(36).slice(2, 14) });

/** A normal answer, or MAX_TOKENS (with no parts when thinking used the whole cap) like the real API. */
export function answer(model: string, req: ParsedRequest, thoughts: number, noise: boolean, forceMaxTokens: boolean) {
  const key = req.image?.sha256 ?? describeKey(req.prompt);
  const variant = noise ? Number.parseInt(key.slice(10, 12), 16) : 0;
  const text = answerFor(key, triggerFromPrompt(req.prompt), variant);
  const cap = req.maxOutputTokens ?? 65_536;
  const spentThinking = forceMaxTokens ? cap : thoughts;
  if (spentThinking >= cap) {
    return {
      text: null,
      body: {
        candidates: [{ content: { role: 'model' }, finishReason: 'MAX_TOKENS', index: 0 }],
        usageMetadata: usage(req, 0, cap),
        ...base(model),
      },
    };
  }
  const room = cap - spentThinking;
  const out = tokenCount(text) > room ? text.slice(0, room * 4) : text;
  return {
    text: out,
    body: {
      candidates: [
        {
          content: { parts: [{ text: out }], role: 'model' },
          finishReason: out === text ? 'STOP' : 'MAX_TOKENS',
          index: 0,
        },
      ],
      usageMetadata: usage(req, tokenCount(out), spentThinking),
      ...base(model),
    },
  };
}

function describeKey(prompt: string): string {
  let h = 0;
  for (const ch of prompt) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(8);
}

/** The candidate was blocked by the output safety filter: finishReason SAFETY, content without parts. */
export function safetyBlock(model: string, req: ParsedRequest) {
  return {
    candidates: [
      {
        content: { role: 'model' },
        finishReason: 'SAFETY',
        index: 0,
        safetyRatings: [
          { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'HIGH', blocked: true },
          { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
          { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
          { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
        ],
      },
    ],
    usageMetadata: usage(req, 0, 0),
    ...base(model),
  };
}

/** The input itself was blocked: promptFeedback.blockReason and no candidates at all. */
export function promptBlock(model: string, req: ParsedRequest) {
  return {
    promptFeedback: {
      blockReason: 'PROHIBITED_CONTENT',
      safetyRatings: [{ category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' }],
    },
    usageMetadata: usage(req, 0, 0),
    ...base(model),
  };
}

/** One entry of GET /v1beta/models. */
export function modelResource(model: string) {
  return {
    name: `models/${model}`,
    version: '001',
    displayName: model.replace(/^gemini-/u, 'Gemini ').replace(/-/gu, ' '),
    description: `Fake ${model} for tests`,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    // As the real list: embedding models only embed; Gemma generates but has no batch or caching.
    supportedGenerationMethods: /embedding/u.test(model)
      ? ['embedContent', 'countTokens']
      : model.startsWith('gemma-')
        ? ['generateContent', 'countTokens']
        : ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'],
    temperature: 1,
    topP: 0.95,
    topK: 64,
    maxTemperature: 2,
    thinking: /2\.5|3/u.test(model),
  };
}
