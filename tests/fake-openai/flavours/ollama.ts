import { exceedContextBody, imageLoadFailedBody, noMmprojBody } from './llamacpp';
import { chatCompletion, openAiError, openAiRateLimit, promptFits, reasoningAs, unixSeconds } from './shapes';
import type { Flavour, HttpReply, ServedModel } from './types';

/**
 * Ollama's OpenAI layer (openai/openai.go, middleware/openai.go): errors are `{"error":{"message","type",
 * "param":null,"code":null}}` with type invalid_request_error (400), not_found_error (404) or api_error. It has
 * no authentication, reads max_tokens but not max_completion_tokens, and returns thoughts in `reasoning`.
 * Since it runs llama-server underneath (llm/llama_server.go), errors from the runner arrive as llama-server's
 * raw JSON body used as the message text.
 */

const error = (status: number, message: string): HttpReply =>
  openAiError(
    status,
    message,
    status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error',
  );

/** A runner error: llama-server's body, verbatim, becomes Ollama's message (statusErrorMessage). */
const fromRunner = (status: number, runnerBody: unknown): HttpReply => error(status, JSON.stringify(runnerBody));

/** model.ParseName: "user/name:tag" belongs to "user", a bare "name:tag" to "library". */
const namespaceOf = (id: string): string => {
  const path = (id.split(':')[0] ?? id).split('/');
  return path.length >= 2 ? (path[path.length - 2] ?? 'library') : 'library';
};

const modelObject = (m: ServedModel) => ({
  id: m.id,
  object: 'model',
  created: unixSeconds(),
  owned_by: namespaceOf(m.id),
});

export const ollama: Flavour = {
  name: 'ollama',
  defaultModel: 'qwen2.5vl:7b',
  // Ollama's default num_ctx; the OpenAI API cannot raise it (only a Modelfile or OLLAMA_CONTEXT_LENGTH can).
  defaultContextTokens: 4096,
  unauthorized: null,
  modelsNeedKey: false,
  readsMaxCompletionTokens: false,
  acceptsImageType: (mime) => ['', 'image/jpeg', 'image/jpg', 'image/png', 'image/webp'].includes(mime),
  // Prompts with media are not truncated (llama_server.go), so llama-server itself refuses the overflow.
  fits: promptFits,
  // ToListCompletion leaves data nil without models, so the JSON says "data": null.
  modelList: (models) => ({ object: 'list', data: models.length > 0 ? models.map(modelObject) : null }),
  modelObject,
  completion: (c) =>
    chatCompletion(c, `chatcmpl-${Math.floor(Math.random() * 999)}`, reasoningAs('reasoning', c), {
      system_fingerprint: 'fp_ollama',
    }),
  unknownModel: (requested) => error(404, `model '${requested}' not found`),
  badRequest: (message) => error(400, message),
  invalidImage: (problem) =>
    problem === 'remote-url'
      ? error(400, 'image URLs are not currently supported, please use base64 encoded data instead')
      : problem === 'bad-data-url'
        ? error(400, 'invalid image input')
        : fromRunner(400, imageLoadFailedBody()),
  noVision: () => fromRunner(500, noMmprojBody()),
  contextOverflow: (o) => fromRunner(400, exceedContextBody(o)),
  rateLimited: openAiRateLimit,
  // ErrMaxQueue (server/sched.go), answered 503 by handleScheduleError.
  overloaded: () => error(503, 'server busy, please try again.  maximum pending requests exceeded'),
  internal: () =>
    error(
      500,
      'model runner has unexpectedly stopped, this may be due to resource limitations or an internal error, check ollama server logs for details',
    ),
};
