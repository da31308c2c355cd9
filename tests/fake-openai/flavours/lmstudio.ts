import { FAKE_SERVES_DATA_URLS_ONLY } from './llamacpp';
import {
  chatCompletion,
  openAiError,
  openAiRateLimit,
  promptFits,
  promptTokens,
  randomId,
  reasoningAs,
} from './shapes';
import type { Flavour, HttpReply } from './types';

/**
 * LM Studio's local server: many errors are a bare string, `{"error":"..."}` (so the openai client's message is
 * the JSON-quoted string), model lookups use OpenAI's envelope. With one model loaded it answers with that
 * model whatever name the request carries (lmstudio-bug-tracker#619). It ignores API keys.
 */

const plain = (status: number, message: string): HttpReply => ({ status, body: { error: message } });

const modelNotFound = (message: string, status: number) =>
  openAiError(status, message, 'invalid_request_error', 'model', 'model_not_found');

export const lmstudio: Flavour = {
  name: 'lmstudio',
  defaultModel: 'qwen2.5-vl-7b-instruct',
  // The context length LM Studio loads a model with unless the user raises it.
  defaultContextTokens: 4096,
  unauthorized: null,
  modelsNeedKey: false,
  readsMaxCompletionTokens: true,
  acceptsImageType: (mime) => mime.startsWith('image/'),
  fits: promptFits,
  modelList: (models) => ({ data: models.map(lmstudio.modelObject), object: 'list' }),
  modelObject: (m) => ({ id: m.id, object: 'model', owned_by: 'organization_owner' }),
  completion: (c) =>
    chatCompletion(c, randomId('chatcmpl-', 19), reasoningAs('reasoning_content', c), {
      stats: {},
      system_fingerprint: c.model,
    }),
  unknownModel: (requested, served) => {
    const [only] = served;
    if (served.length === 1 && only) return only;
    if (served.length === 0)
      return modelNotFound(
        'No models loaded. Please load a model in the developer page or use the `lms load` command.',
        404,
      );
    const examples = served
      .slice(0, 3)
      .map((m) => m.id)
      .join(', ');
    return modelNotFound(
      `Invalid model identifier "${requested}". Please specify a valid downloaded model (e.g., ${examples}).`,
      400,
    );
  },
  badRequest: (message) => plain(400, message),
  invalidImage: (problem) =>
    plain(400, problem === 'remote-url' ? FAKE_SERVES_DATA_URLS_ONLY : 'Failed to process image: invalid image data'),
  noVision: () => plain(400, 'Model does not support images. Please use a model that does.'),
  contextOverflow: (o) =>
    plain(
      400,
      `<LM Studio error> Trying to keep the first ${promptTokens(o)} tokens when context the overflows. However, the model is loaded with context length of only ${o.contextTokens} tokens, which is not enough. Try to load the model with a larger context length, or provide a shorter input. Error Data: n/a, Additional Data: n/a`,
    ),
  rateLimited: openAiRateLimit,
  overloaded: () => plain(503, 'Model is busy, please try again later.'),
  // The llama.cpp runtime's out-of-memory failure, as LM Studio reports it.
  internal: () =>
    plain(
      500,
      'Engine protocol predict stream returned an error: {"code":500,"message":"Compute error.","type":"server_error"}',
    ),
};
