import type { FakeModel, FlavourName } from '../options';

/** What each imitated server decides for itself: its answers' shape, its error statuses and texts, its quirks. */

/** A status, JSON body and extra headers, as the server would send them. */
export interface HttpReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A model with every behaviour settled (defaults applied). */
export type ServedModel = Required<Omit<FakeModel, 'thinking'>> & Pick<FakeModel, 'thinking'>;

/** A finished answer, before the flavour dresses it in its own response shape. */
export interface Completion {
  model: string;
  content: string;
  /** Thoughts for servers that return them apart from the content (null otherwise). */
  reasoning: string | null;
  finishReason: 'stop' | 'length';
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
}

/** Why a prompt does not fit, with the numbers real servers put in their messages. */
export interface Overflow {
  model: string;
  textTokens: number;
  imageTokens: number;
  /** max_tokens (or max_completion_tokens) as sent, null when absent. */
  maxTokens: number | null;
  contextTokens: number;
}

/** Where the first image part sits in the request (OpenAI names it in its error's `param`). */
export interface PartPosition {
  message: number;
  part: number;
}

export type ImageProblem = 'remote-url' | 'bad-data-url' | 'undecodable';

export interface Flavour {
  name: FlavourName;
  defaultModel: string;
  /** Context window of a model that does not set one (the server's usual default). */
  defaultContextTokens: number;
  /** The 401 for a missing or wrong key when the `apiKey` option is set; null for servers that ignore keys. */
  unauthorized: ((sentKey: string | null) => HttpReply) | null;
  /** Whether GET /v1/models needs the key too. */
  modelsNeedKey: boolean;
  /** Honours max_completion_tokens (Ollama reads only max_tokens). */
  readsMaxCompletionTokens: boolean;
  /** Accepts a data URL with this MIME type (Ollama: jpeg, jpg, png, webp or an empty type). */
  acceptsImageType(mime: string): boolean;
  /** Whether the prompt plus the requested output must fit (vLLM, OpenAI, OpenRouter) or the prompt alone. */
  fits(o: Overflow): boolean;
  modelList(models: readonly ServedModel[]): unknown;
  modelObject(model: ServedModel): unknown;
  completion(c: Completion): unknown;
  /** The answer for an unknown model, or the one loaded model a server answers with regardless of the name. */
  unknownModel(requested: string, served: readonly ServedModel[]): HttpReply | ServedModel;
  badRequest(message: string): HttpReply;
  invalidImage(problem: ImageProblem): HttpReply;
  noVision(model: string, at: PartPosition): HttpReply;
  contextOverflow(o: Overflow): HttpReply;
  rateLimited(model: string, retryAfterSeconds: number): HttpReply;
  overloaded(): HttpReply;
  internal(): HttpReply;
}
