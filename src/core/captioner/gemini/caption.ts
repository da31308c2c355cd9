import type { GenerateContentConfig, GenerateContentResponse, GoogleGenAI, ThinkingConfig } from '@google/genai';
import { modelInfo, type ThinkingControl } from '../../../shared/models';
import { normaliseCaption } from '../../../shared/normalise';
import { captionFromCutOff } from '../cut-off';
import type { CaptionRequest, CaptionResult, Schedule, Tokens } from '../provider';

/**
 * One image, one model: ask Gemini for a caption and turn the answer into a valid one. API errors are thrown
 * (the run engine classifies and retries them); answers without a caption are results, not errors.
 */

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

function tokensOf(r: Pick<GenerateContentResponse, 'usageMetadata'>): Tokens {
  const u = r.usageMetadata;
  // Thinking is billed as output.
  return {
    inputTokens: u?.promptTokenCount ?? 0,
    outputTokens: (u?.candidatesTokenCount ?? 0) + (u?.thoughtsTokenCount ?? 0),
  };
}

/** 2.5 models take a token budget, Gemini 3 a level; Gemma accepts no thinking settings at all (400 if sent). */
function thinkingConfig(control: ThinkingControl): ThinkingConfig | null {
  if (control.kind === 'budget') return control.budget === null ? null : { thinkingBudget: control.budget };
  if (control.kind === 'level') return { thinkingLevel: control.level as ThinkingConfig['thinkingLevel'] };
  return null;
}

/**
 * The sampling settings of a caption request, in the REST schema's `generationConfig` shape, so a normal request
 * and a Batch API line ask exactly the same thing.
 */
export function generationConfig(model: string, maxOutputTokens = modelInfo(model).maxOutputTokens) {
  const thinking = thinkingConfig(modelInfo(model).thinking);
  return { temperature: TEMPERATURE, maxOutputTokens, ...(thinking ? { thinkingConfig: thinking } : {}) };
}

/** An image part: the bytes inline, or a Files API upload (what a big batch refers to). */
export type ImagePart =
  | { inlineData: { mimeType: string; data: string } }
  | { fileData: { mimeType: string; fileUri: string } };

export const inlineImagePart = (image: { data: Buffer; mimeType: string }): ImagePart => ({
  inlineData: { mimeType: image.mimeType, data: image.data.toString('base64') },
});

/** The request's contents: the image first, then the instruction (the order Gemini's docs recommend). */
export function captionContents(image: ImagePart, prompt: string) {
  return [{ role: 'user', parts: [image, { text: prompt }] }];
}

function config(model: string, maxOutputTokens: number, signal: AbortSignal | undefined): GenerateContentConfig {
  return {
    ...generationConfig(model, maxOutputTokens),
    // One call is exactly one HTTP request: no SDK-side continuation hops behind the rate limiter's back.
    automaticContinuation: false,
    ...(signal ? { abortSignal: signal } : {}),
  };
}

/**
 * What a response says, read from its parts as the SDK's `.text` getter does (text parts of the first candidate,
 * thoughts left out; undefined when there is no text part). A batch's responses are plain objects without the
 * getter, so both kinds of request are read through this one function.
 */
function answerText(r: Pick<GenerateContentResponse, 'candidates'>): string | undefined {
  const parts = r.candidates?.[0]?.content?.parts ?? [];
  const texts = parts.filter((p) => typeof p.text === 'string' && p.thought !== true).map((p) => p.text);
  return texts.length > 0 ? texts.join('') : undefined;
}

export type Interpreted = ({ kind: 'truncated'; text: string | undefined } & Tokens) | CaptionResult;

/** A response as a caption result; `truncated` when the output cap cut it off (the caller decides what next). */
export function interpret(r: GenerateContentResponse, trigger: string, tokens: Tokens = tokensOf(r)): Interpreted {
  const blockReason = r.promptFeedback?.blockReason;
  if (blockReason) return { kind: 'blocked', reason: blockMessage(String(blockReason)), ...tokens };
  const candidate = r.candidates?.[0];
  const finish = candidate?.finishReason ? String(candidate.finishReason) : undefined;
  const text = answerText(r); // undefined when the candidate has no text parts (blocks, thinking ate the budget)
  if (finish && BLOCK_REASONS.has(finish) && !text?.trim()) {
    return { kind: 'blocked', reason: blockMessage(finish), ...tokens };
  }
  if (finish === 'MAX_TOKENS') return { kind: 'truncated', text, ...tokens };
  const caption = text ? normaliseCaption(text, trigger) : null;
  if (caption !== null) return { kind: 'captioned', caption, ...tokens };
  const why = candidate ? `finish reason ${finish ?? 'none'}` : 'no candidates';
  return { kind: 'empty', reason: `Gemini's answer had no usable description (${why}).`, ...tokens };
}

/**
 * Captions one image. When the answer is cut off by maxOutputTokens (on 2.5 models thinking counts toward it,
 * so the text can be empty), asks once more with twice the cap; a second cut-off keeps whatever text came back.
 */
export async function captionWithGemini(
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
        contents: captionContents(inlineImagePart(req.image), req.prompt),
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
  const lastText = last ? answerText(last) : undefined;
  const partial = lastText ? captionFromCutOff(lastText, req.trigger) : null;
  if (partial !== null) return { kind: 'captioned', caption: partial, ...spent };
  return {
    kind: 'empty',
    reason: `Gemini used its whole output budget (${base * 2} tokens) without writing a caption (MAX_TOKENS).`,
    ...spent,
  };
}
