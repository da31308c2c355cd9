import type { GenerateContentConfig, GenerateContentResponse, GoogleGenAI } from '@google/genai';
import { modelInfo } from '../../shared/models';
import { normaliseCaption } from '../../shared/normalise';
import type { PreparedImage } from './downscale';

/**
 * One image, one model: ask Gemini for a caption and turn the answer into a valid one. API errors are thrown
 * (the run engine classifies and retries them); answers without a caption are results, not errors.
 */

export interface CaptionRequest {
  model: string;
  image: PreparedImage;
  /** The rendered prompt (trigger filled in). */
  prompt: string;
  trigger: string;
  signal?: AbortSignal;
}

interface Tokens {
  inputTokens: number;
  outputTokens: number;
}

export type CaptionResult =
  | ({ kind: 'captioned'; caption: string } & Tokens)
  /** Gemini's safety filters refused: a human has to write this caption. */
  | ({ kind: 'blocked'; reason: string } & Tokens)
  /** An answer without a usable caption (cut off by the token cap twice, empty, a refusal). */
  | ({ kind: 'empty'; reason: string } & Tokens);

/** Sends one request; the run engine passes its rate limiter here so every HTTP request goes through it. */
export type Schedule = <T>(send: () => Promise<T>) => Promise<T>;

/** Sampling: low enough for factual, repeatable descriptions, high enough not to loop on phrases. */
const TEMPERATURE = 0.4;

const BLOCK_REASONS = new Set([
  'SAFETY',
  'PROHIBITED_CONTENT',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_RECITATION',
]);

function blockMessage(reason: string): string {
  const filter = /RECITATION/u.test(reason) ? 'recitation filter' : 'safety filter';
  return `Blocked by Gemini's ${filter} (${reason}): needs a caption`;
}

function tokensOf(r: GenerateContentResponse): Tokens {
  const u = r.usageMetadata;
  // Thinking is billed as output.
  return {
    inputTokens: u?.promptTokenCount ?? 0,
    outputTokens: (u?.candidatesTokenCount ?? 0) + (u?.thoughtsTokenCount ?? 0),
  };
}

function config(model: string, maxOutputTokens: number, signal: AbortSignal | undefined): GenerateContentConfig {
  const info = modelInfo(model);
  return {
    temperature: TEMPERATURE,
    maxOutputTokens,
    ...(info.thinkingBudget !== null ? { thinkingConfig: { thinkingBudget: info.thinkingBudget } } : {}),
    // One call is exactly one HTTP request: no SDK-side continuation hops behind the rate limiter's back.
    automaticContinuation: false,
    ...(signal ? { abortSignal: signal } : {}),
  };
}

type Interpreted = { kind: 'truncated' } | CaptionResult;

function interpret(r: GenerateContentResponse, trigger: string, tokens: Tokens): Interpreted {
  const blockReason = r.promptFeedback?.blockReason;
  if (blockReason) return { kind: 'blocked', reason: blockMessage(String(blockReason)), ...tokens };
  const candidate = r.candidates?.[0];
  const finish = candidate?.finishReason ? String(candidate.finishReason) : undefined;
  const text = r.text; // undefined when the candidate has no text parts (blocks, thinking ate the budget)
  if (finish && BLOCK_REASONS.has(finish) && !text?.trim()) {
    return { kind: 'blocked', reason: blockMessage(finish), ...tokens };
  }
  if (finish === 'MAX_TOKENS') return { kind: 'truncated' };
  const caption = text ? normaliseCaption(text, trigger) : null;
  if (caption !== null) return { kind: 'captioned', caption, ...tokens };
  const why = candidate ? `finish reason ${finish ?? 'none'}` : 'no candidates';
  return { kind: 'empty', reason: `Gemini's answer had no usable description (${why}).`, ...tokens };
}

/**
 * Captions one image. When the answer is cut off by maxOutputTokens (on 2.5 models thinking counts toward it,
 * so the text can be empty), asks once more with twice the cap; a second cut-off keeps whatever text came back.
 */
export async function captionOne(
  client: GoogleGenAI,
  req: CaptionRequest,
  schedule: Schedule = (send) => send(),
): Promise<CaptionResult> {
  const base = modelInfo(req.model).maxOutputTokens;
  const spent: Tokens = { inputTokens: 0, outputTokens: 0 };
  let last: GenerateContentResponse | null = null;
  for (const cap of [base, base * 2]) {
    const response = await schedule(() =>
      client.models.generateContent({
        model: req.model,
        contents: [
          {
            role: 'user',
            parts: [
              { inlineData: { mimeType: req.image.mimeType, data: req.image.data.toString('base64') } },
              { text: req.prompt },
            ],
          },
        ],
        config: config(req.model, cap, req.signal),
      }),
    );
    const t = tokensOf(response);
    spent.inputTokens += t.inputTokens;
    spent.outputTokens += t.outputTokens;
    last = response;
    const result = interpret(response, req.trigger, spent);
    if (result.kind !== 'truncated') return result;
  }
  const partial = last?.text ? normaliseCaption(trimToWord(last.text), req.trigger) : null;
  if (partial !== null) return { kind: 'captioned', caption: partial, ...spent };
  return {
    kind: 'empty',
    reason: `Gemini used its whole output budget (${base * 2} tokens) without writing a caption (MAX_TOKENS).`,
    ...spent,
  };
}

/** A cut-off answer ends mid-word: drop the broken word. */
function trimToWord(text: string): string {
  const space = text.trimEnd().lastIndexOf(' ');
  return space > 0 ? text.slice(0, space) : text;
}
