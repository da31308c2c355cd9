import type { FaultRequest } from '../fake-gemini';
import type { BaseRequestLog } from '../support/request-log';

/**
 * The public shape of the fake OpenAI-compatible server: which real server it imitates, the models it serves
 * and how each behaves, the faults a test can inject, and what it records about every request.
 */

/** The real server whose statuses, error bodies and quirks the fake copies (see README.md for the sources). */
export type FlavourName = 'ollama' | 'lmstudio' | 'llamacpp' | 'vllm' | 'openrouter' | 'openai';

/**
 * What a model does with an image part: `sees` it (the default); `error`, the server's refusal of images for
 * a model without vision; or it ignores the image and answers from the text alone, either saying it sees no
 * image (`blind-apology`) or inventing the same generic description for every photo (`blind-generic`).
 */
type VisionMode = 'sees' | 'error' | 'blind-apology' | 'blind-generic';

/**
 * How a reasoning model's thoughts come back: wrapped in `<think>...</think>` before the answer; with only the
 * closing tag (the chat template opened it, as DeepSeek-R1 distills do without a reasoning parser); or in the
 * server's separate message field (`reasoning` / `reasoning_content`; hidden entirely by OpenAI).
 */
export type ThinkingFormat = 'think-tags' | 'close-tag-only' | 'separate-field';

export interface FakeModel {
  id: string;
  vision?: VisionMode;
  /** Thinks before answering, spending `tokens` of the request's max_tokens budget. */
  thinking?: { tokens: number; format: ThinkingFormat };
  /** Context window in tokens (prompt text + image tokens, and max_tokens where the server counts it). */
  contextTokens?: number;
  /** Refuses every image with a canned apology (finish_reason "stop", no error). */
  refuses?: boolean;
  /** OpenAI flavour only: reasoning-model parameter rules (max_tokens and a non-default temperature are 400s). */
  reasoningParameters?: boolean;
}

/** Faults a test can inject per request: transient failures, or a refusal answer. */
export type Fault = '429' | '503' | '500' | 'drop' | 'refusal';
export type { FaultRequest };

export interface FakeOpenAiOptions {
  /** Which real server to imitate (default 'ollama'). */
  flavour?: FlavourName;
  /** Port to listen on (default 0: a random free port). */
  port?: number;
  /** Served models, by id or with behaviour (default: one vision model typical for the flavour). */
  models?: ReadonlyArray<string | FakeModel>;
  /** Key the server requires as `Authorization: Bearer`; Ollama and LM Studio ignore keys, like the real ones. */
  apiKey?: string;
  /** Fixed delay before a chat completion is answered (or fails with 500/503/dropped socket). */
  latencyMs?: number;
  /** How the fake waits `latencyMs` (default a real timer); tests pass a gate to hold answers deterministically. */
  sleep?: (ms: number) => Promise<void>;
  /** Decides a fault for a chat request (after validation); undefined lets it through. */
  fault?: (req: FaultRequest) => Fault | undefined;
  /** Built-in seeded transient faults (429/503/500/drop) for about this share of requests. */
  failRate?: number;
  seed?: number;
  /** `retry-after` of an injected 429 (default 1). */
  retryAfterSeconds?: number;
  /** Wrap captions in realistic noise (preambles, quotes, markdown); default true. */
  noise?: boolean;
}

/** How a request ended; 'pending' while it is still being handled. */
export type Outcome =
  | 'pending'
  | 'ok'
  | 'length'
  | 'refusal'
  | 'blind'
  | 'no-vision'
  | 'context-overflow'
  | 'rate-limit'
  | 'overloaded'
  | 'internal'
  | 'drop'
  | 'unauthorized'
  | 'not-found'
  | 'bad-request'
  | 'bad-image'
  | 'unsupported-parameter';

export interface ImageInfo {
  /** MIME type named in the data URL, and the data URL's length in characters. */
  mimeType: string;
  dataUrlChars: number;
  bytes: number;
  sha256: string;
  width: number;
  height: number;
  /** Tokens the image costs in the prompt (one per 28x28 pixel patch, as Qwen-VL counts). */
  tokens: number;
}

/** `attempt` counts the chat requests carrying the same image (0 without an image). */
export interface RequestLog extends BaseRequestLog {
  kind: 'chat' | 'models' | 'model' | 'other';
  /** Model as the client sent it. */
  model: string | null;
  outcome: Outcome;
  imagePartPresent: boolean;
  image: ImageInfo | null;
  maxTokens: number | null;
  maxCompletionTokens: number | null;
  temperature: number | null;
  promptTokens: number | null;
  authorization: 'missing' | 'bearer' | 'other';
  /** The client's `x-stainless-retry-count` (0 on a first try), null when absent. */
  retryCount: number | null;
  /** Message content sent back (before any client-side clean-up). */
  text: string | null;
}

export interface FakeOpenAi {
  /** Base URL including /v1, as the openai client's `baseURL`. */
  url: string;
  requests: RequestLog[];
  /** Chat requests being handled now, and the most ever handled at once. */
  readonly inFlight: number;
  readonly maxConcurrent: number;
  setBehaviour(patch: Partial<FakeOpenAiOptions>): void;
  close(): Promise<void>;
}
