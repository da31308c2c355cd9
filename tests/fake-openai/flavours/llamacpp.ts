import {
  chatCompletion,
  openAiRateLimit,
  promptFits,
  promptTokens,
  randomId,
  reasoningAs,
  unixSeconds,
} from './shapes';
import type { Flavour, HttpReply, Overflow } from './types';

/**
 * llama.cpp's llama-server (tools/server): errors are `{"error":{"code","message","type"}}` built by
 * format_error_response; one model is loaded and the request's model name is not checked; images need --mmproj.
 */

/** The body llama-server sends (Ollama passes it through verbatim as its own message, see ollama.ts). */
function llamaServerError(code: number, message: string, type: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, type, ...extra } };
}

const reply = (code: number, message: string, type: string, extra?: Record<string, unknown>): HttpReply => ({
  status: code,
  body: llamaServerError(code, message, type, extra),
});

/** ERROR_TYPE_EXCEED_CONTEXT_SIZE: sent when the prompt (text and image tokens) reaches n_ctx. */
export const exceedContextBody = (o: Overflow) =>
  llamaServerError(
    400,
    `request (${promptTokens(o)} tokens) exceeds the available context size (${o.contextTokens} tokens), try increasing it`,
    'exceed_context_size_error',
    { n_prompt_tokens: promptTokens(o), n_ctx: o.contextTokens },
  );

/** What llama-server answers for an image part when it was started without --mmproj (HTTP 500, not 400). */
export const noMmprojBody = () =>
  llamaServerError(
    500,
    'image input is not supported - hint: if this is unexpected, you may need to provide the mmproj',
    'server_error',
  );

export const imageLoadFailedBody = () =>
  llamaServerError(400, 'Failed to load image or audio file', 'invalid_request_error');

export const FAKE_SERVES_DATA_URLS_ONLY = 'The fake server only accepts data URLs (it does not download images).';

export const llamacpp: Flavour = {
  name: 'llamacpp',
  defaultModel: 'Qwen2.5-VL-7B-Instruct-Q4_K_M.gguf',
  defaultContextTokens: 4096,
  unauthorized: () => reply(401, 'Invalid API Key', 'authentication_error'),
  modelsNeedKey: false,
  readsMaxCompletionTokens: true,
  acceptsImageType: (mime) => mime.startsWith('image/'),
  fits: promptFits,
  modelList: (models) => ({ object: 'list', data: models.map(llamacpp.modelObject) }),
  modelObject: (m) => ({
    id: m.id,
    object: 'model',
    created: unixSeconds(),
    owned_by: 'llamacpp',
    meta: { vocab_type: 2, n_vocab: 152064, n_ctx_train: 128000, n_embd: 3584, n_params: 7615616512 },
  }),
  completion: (c) =>
    chatCompletion(c, randomId('chatcmpl-', 32), reasoningAs('reasoning_content', c), {
      system_fingerprint: 'b6500-fake',
      timings: { prompt_n: c.promptTokens, predicted_n: c.completionTokens },
    }),
  // One model per server: whatever name the client sends, the loaded model answers.
  unknownModel: (_requested, served) => served[0] ?? reply(503, 'Loading model', 'unavailable_error'),
  badRequest: (message) => reply(400, message, 'invalid_request_error'),
  invalidImage: (problem) =>
    problem === 'remote-url'
      ? reply(400, FAKE_SERVES_DATA_URLS_ONLY, 'invalid_request_error')
      : { status: 400, body: imageLoadFailedBody() },
  noVision: () => ({ status: 500, body: noMmprojBody() }),
  contextOverflow: (o) => ({ status: 400, body: exceedContextBody(o) }),
  rateLimited: openAiRateLimit,
  overloaded: () => reply(503, 'Loading model', 'unavailable_error'),
  internal: () => reply(500, 'Compute error.', 'server_error'),
};
