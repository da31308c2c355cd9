import { FAKE_SERVES_DATA_URLS_ONLY } from './llamacpp';
import { chatCompletion, randomId, reasoningAs, requestFits, unixSeconds } from './shapes';
import type { Flavour, HttpReply, ServedModel } from './types';

/**
 * OpenRouter (openrouter.ai/docs/errors): errors are `{"error":{"code":<int>,"message","metadata"?}}`, often
 * with a `user_id` beside; the HTTP status equals error.code. The model list has no `object` and describes
 * each model's `architecture.input_modalities`, which is how a client finds vision models.
 */

const USER_ID = 'user_2fakeCaptionStudio0000000';

const error = (status: number, message: string, metadata?: Record<string, unknown>, headers?: Record<string, string>) =>
  ({
    status,
    body: { error: { message, code: status, ...(metadata ? { metadata } : {}) }, user_id: USER_ID },
    ...(headers ? { headers } : {}),
  }) satisfies HttpReply;

const seesImages = (m: ServedModel) => m.vision === 'sees';

const modelObject = (m: ServedModel) => ({
  id: m.id,
  canonical_slug: m.id,
  name: m.id,
  created: unixSeconds(),
  description: `Fake ${m.id} for tests`,
  context_length: m.contextTokens,
  architecture: {
    modality: seesImages(m) ? 'text+image->text' : 'text->text',
    input_modalities: seesImages(m) ? ['text', 'image'] : ['text'],
    output_modalities: ['text'],
    tokenizer: 'Qwen',
    instruct_type: null,
  },
  pricing: { prompt: '0.0000002', completion: '0.0000006', request: '0', image: '0' },
  top_provider: { context_length: m.contextTokens, max_completion_tokens: null, is_moderated: false },
  per_request_limits: null,
  supported_parameters: ['max_tokens', 'temperature', 'top_p', ...(m.thinking ? ['reasoning'] : [])],
});

export const openrouter: Flavour = {
  name: 'openrouter',
  defaultModel: 'qwen/qwen2.5-vl-72b-instruct',
  defaultContextTokens: 131072,
  unauthorized: (sentKey) => error(401, sentKey === null ? 'No auth credentials found' : 'User not found.'),
  modelsNeedKey: false,
  readsMaxCompletionTokens: true,
  acceptsImageType: (mime) => ['image/png', 'image/jpeg', 'image/webp', 'image/gif'].includes(mime),
  fits: requestFits,
  modelList: (models) => ({ data: models.map(modelObject) }),
  modelObject,
  completion: (c) =>
    chatCompletion(
      c,
      randomId('gen-', 30),
      { refusal: null, reasoning: null, ...reasoningAs('reasoning', c) },
      { provider: 'Fake', system_fingerprint: null },
    ),
  unknownModel: (requested) => error(400, `${requested} is not a valid model ID`),
  badRequest: (message) => error(400, message),
  invalidImage: (problem) =>
    problem === 'remote-url'
      ? error(400, FAKE_SERVES_DATA_URLS_ONLY)
      : error(400, 'Provider returned error', { provider_name: 'Fake', raw: 'Invalid image data' }),
  // A 404 although the model exists: no provider behind it takes image input.
  noVision: () => error(404, 'No endpoints found that support image input'),
  contextOverflow: (o) => {
    const output = o.maxTokens ?? 0;
    const image = o.imageTokens > 0 ? `${o.imageTokens} of image input, ` : '';
    return error(
      400,
      `This endpoint's maximum context length is ${o.contextTokens} tokens. However, you requested about ${o.textTokens + o.imageTokens + output} tokens (${o.textTokens} of text input, ${image}${output} in the output). Please reduce the length of either one, or use the "middle-out" transform to compress your prompt automatically.`,
      { provider_name: null },
    );
  },
  rateLimited: (_model, retryAfterSeconds) =>
    error(
      429,
      'Rate limit exceeded: free-models-per-min. ',
      {
        headers: {
          'X-RateLimit-Limit': '20',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Date.now() + retryAfterSeconds * 1000),
        },
        provider_name: null,
      },
      { 'retry-after': String(retryAfterSeconds) },
    ),
  overloaded: () => error(503, 'There is no available model provider that meets your routing requirements'),
  internal: () => error(500, 'Internal Server Error'),
};
