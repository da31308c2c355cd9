import { FAKE_SERVES_DATA_URLS_ONLY } from './llamacpp';
import {
  chatCompletion,
  openAiError,
  openAiRateLimit,
  promptTokens,
  randomId,
  requestFits,
  unixSeconds,
} from './shapes';
import type { Flavour, HttpReply } from './types';

/**
 * OpenAI itself: `{"error":{"message","type","param","code"}}` with string codes; reasoning models hide their
 * thoughts (only usage.completion_tokens_details.reasoning_tokens shows them) and refuse max_tokens and a
 * non-default temperature.
 */

const invalid = (status: number, message: string, param: string | null = null, code: string | null = null) =>
  openAiError(status, message, 'invalid_request_error', param, code);

/** Masks a key the way OpenAI's 401 message does ("sk-4sJHr****...w8ZP"): first eight and last four kept. */
const masked = (key: string) => `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;

/** A reasoning model's refusal of parameters older models accept, or null when the request is fine. */
export function reasoningParameterError(request: {
  maxTokens: number | null;
  temperature: number | null;
}): HttpReply | null {
  if (request.maxTokens !== null)
    return invalid(
      400,
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    );
  if (request.temperature !== null && request.temperature !== 1)
    return invalid(
      400,
      `Unsupported value: 'temperature' does not support ${request.temperature} with this model. Only the default (1) value is supported.`,
      'temperature',
      'unsupported_value',
    );
  return null;
}

export const openai: Flavour = {
  name: 'openai',
  defaultModel: 'gpt-4o-mini',
  defaultContextTokens: 128000,
  unauthorized: (sentKey) =>
    sentKey === null
      ? invalid(
          401,
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
        )
      : invalid(
          401,
          `Incorrect API key provided: ${masked(sentKey)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          null,
          'invalid_api_key',
        ),
  modelsNeedKey: true,
  readsMaxCompletionTokens: true,
  acceptsImageType: (mime) => ['image/png', 'image/jpeg', 'image/webp', 'image/gif'].includes(mime),
  fits: requestFits,
  modelList: (models) => ({ object: 'list', data: models.map(openai.modelObject) }),
  modelObject: (m) => ({ id: m.id, object: 'model', created: unixSeconds(), owned_by: 'system' }),
  // Thoughts never come back from OpenAI: c.reasoning is dropped, only its token count shows.
  completion: (c) =>
    chatCompletion(
      c,
      randomId('chatcmpl-', 29),
      { refusal: null, annotations: [] },
      { service_tier: 'default', system_fingerprint: 'fp_fake0001' },
      {
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: c.reasoningTokens, audio_tokens: 0 },
      },
    ),
  unknownModel: (requested) =>
    invalid(404, `The model \`${requested}\` does not exist or you do not have access to it.`, null, 'model_not_found'),
  badRequest: (message) => invalid(400, message),
  invalidImage: (problem) =>
    problem === 'remote-url'
      ? invalid(400, FAKE_SERVES_DATA_URLS_ONLY)
      : invalid(400, 'You uploaded an unsupported image. Please make sure your image is valid.', null, 'invalid_image'),
  noVision: (_model, at) =>
    invalid(
      400,
      'Invalid content type. image_url is only supported by certain models.',
      `messages.[${at.message}].content.[${at.part}].type`,
    ),
  contextOverflow: (o) => {
    const input = promptTokens(o);
    const message =
      o.maxTokens === null
        ? `This model's maximum context length is ${o.contextTokens} tokens. However, your messages resulted in ${input} tokens. Please reduce the length of the messages.`
        : `This model's maximum context length is ${o.contextTokens} tokens. However, you requested ${input + o.maxTokens} tokens (${input} in the messages, ${o.maxTokens} in the completion). Please reduce the length of the messages or completion.`;
    return invalid(400, message, 'messages', 'context_length_exceeded');
  },
  rateLimited: openAiRateLimit,
  overloaded: () =>
    openAiError(
      503,
      'Our servers are currently overloaded. Please try again later.',
      'service_unavailable_error',
      null,
      'server_is_overloaded',
    ),
  internal: () =>
    openAiError(
      500,
      `An error occurred while processing your request. You can retry your request, or contact us through our help center at help.openai.com if the error persists. Please include the request ID ${randomId('req_', 32)} in your message.`,
      'server_error',
      null,
      'server_error',
    ),
};
