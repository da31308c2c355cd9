import { FAKE_SERVES_DATA_URLS_ONLY } from './llamacpp';
import { chatCompletion, openAiRateLimit, promptTokens, randomId, requestFits, unixSeconds } from './shapes';
import type { Flavour, HttpReply } from './types';

/**
 * vLLM's OpenAI server (vllm/entrypoints/openai): ErrorResponse is `{"error":{"message","type","param",
 * "code":<int>}}` with Python exception names as types; --api-key makes every /v1 route answer 401
 * `{"error":"Unauthorized"}`; the prompt plus max_tokens must fit --max-model-len.
 */

const error = (status: number, message: string, type: string, param: string | null = null): HttpReply => ({
  status,
  body: { error: { message, type, param, code: status } },
});

export const vllm: Flavour = {
  name: 'vllm',
  defaultModel: 'Qwen/Qwen2.5-VL-7B-Instruct',
  // A typical --max-model-len for a 7B VL model on one consumer GPU.
  defaultContextTokens: 32768,
  unauthorized: () => ({ status: 401, body: { error: 'Unauthorized' } }),
  modelsNeedKey: true,
  readsMaxCompletionTokens: true,
  acceptsImageType: (mime) => mime.startsWith('image/'),
  fits: requestFits,
  modelList: (models) => ({ object: 'list', data: models.map(vllm.modelObject) }),
  modelObject: (m) => ({
    id: m.id,
    object: 'model',
    created: unixSeconds(),
    owned_by: 'vllm',
    root: m.id,
    parent: null,
    max_model_len: m.contextTokens,
    permission: [
      {
        id: randomId('modelperm-', 32),
        object: 'model_permission',
        created: unixSeconds(),
        allow_create_engine: false,
        allow_sampling: true,
        allow_logprobs: true,
        allow_search_indices: false,
        allow_view: true,
        allow_fine_tuning: false,
        organization: '*',
        group: null,
        is_blocking: false,
      },
    ],
  }),
  completion: (c) =>
    chatCompletion(
      c,
      randomId('chatcmpl-', 32),
      { reasoning_content: c.reasoning, tool_calls: [] },
      { prompt_logprobs: null },
      { prompt_tokens_details: null },
    ),
  unknownModel: (requested) => error(404, `The model \`${requested}\` does not exist.`, 'NotFoundError', 'model'),
  badRequest: (message) => error(400, message, 'BadRequestError'),
  invalidImage: (problem) =>
    error(
      400,
      problem === 'remote-url' ? FAKE_SERVES_DATA_URLS_ONLY : 'cannot identify image file <_io.BytesIO object>',
      'BadRequestError',
    ),
  // The trailing " None" is real: vLLM appends the exception's empty parameter to the message.
  noVision: (model) => error(400, `${model} is not a multimodal model None`, 'BadRequestError'),
  contextOverflow: (o) => {
    const input = promptTokens(o);
    const output = o.maxTokens ?? 0;
    return error(
      400,
      `This model's maximum context length is ${o.contextTokens} tokens. However, you requested ${output} output tokens and your prompt contains at least ${input} input tokens, for a total of at least ${input + output} tokens. Please reduce the length of the input prompt or the number of requested output tokens. (parameter=input_tokens, value=${input})`,
      'BadRequestError',
      'input_tokens',
    );
  },
  rateLimited: openAiRateLimit,
  overloaded: () => error(503, 'Service Unavailable', 'ServiceUnavailableError'),
  internal: () => error(500, 'Internal server error', 'InternalServerError'),
};
