import { randomBytes } from 'node:crypto';
import type { Completion, HttpReply, Overflow } from './types';

/** Pieces every OpenAI-compatible server shares: the error envelope, the chat completion body, ids. */

/** `{"error":{"message","type","param","code"}}`: OpenAI's envelope, which Ollama and LM Studio copy. */
export function openAiError(
  status: number,
  message: string,
  type: string,
  param: string | null = null,
  code: string | number | null = null,
  headers?: Record<string, string>,
): HttpReply {
  return { status, body: { error: { message, type, param, code } }, ...(headers ? { headers } : {}) };
}

export const promptTokens = (o: Overflow): number => o.textTokens + o.imageTokens;

/** Prompt alone must fit (llama.cpp refuses when n_prompt_tokens >= n_ctx). */
export const promptFits = (o: Overflow): boolean => promptTokens(o) < o.contextTokens;

/** Prompt plus the requested output must fit (vLLM, OpenAI, OpenRouter). */
export const requestFits = (o: Overflow): boolean => promptTokens(o) + (o.maxTokens ?? 0) <= o.contextTokens;

export const randomId = (prefix: string, chars = 24): string =>
  `${prefix}${randomBytes(chars).toString('base64url').slice(0, chars)}`;

export const unixSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * The `chat.completion` object common to all of them; `messageExtras` and `extras` carry each server's own
 * fields (reasoning field name, fingerprints, timings).
 */
export function chatCompletion(
  c: Completion,
  id: string,
  messageExtras: Record<string, unknown> = {},
  extras: Record<string, unknown> = {},
  usageExtras: Record<string, unknown> = {},
) {
  return {
    id,
    object: 'chat.completion',
    created: unixSeconds(),
    model: c.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: c.content, ...messageExtras },
        finish_reason: c.finishReason,
      },
    ],
    usage: {
      prompt_tokens: c.promptTokens,
      completion_tokens: c.completionTokens,
      total_tokens: c.promptTokens + c.completionTokens,
      ...usageExtras,
    },
    ...extras,
  };
}

/** The reasoning field a server adds to the message when it separates thoughts from the answer. */
export const reasoningAs = (field: string, c: Completion): Record<string, unknown> =>
  c.reasoning === null ? {} : { [field]: c.reasoning };

/** OpenAI's 429 (local servers never rate-limit; a proxy in front of them answers like this). */
export function openAiRateLimit(model: string, retryAfterSeconds: number): HttpReply {
  return openAiError(
    429,
    `Rate limit reached for ${model} in organization org-fakecaptionstudio on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${retryAfterSeconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    'requests',
    null,
    'rate_limit_exceeded',
    {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit-requests': '3',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': `${retryAfterSeconds}s`,
    },
  );
}
