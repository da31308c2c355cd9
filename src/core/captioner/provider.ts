import type { ProviderName } from '../../shared/dataset';
import type { PreparedImage } from './prepare-image';

/**
 * What the run engine needs from a model provider (Gemini, an OpenAI-compatible server). The engine owns the
 * queue, rate limits, retries, fallback chain, pause/resume and persistence; a provider only knows how to talk to
 * its API: check that it can work at all, caption one image with one model, and say what an error means.
 */
export interface CaptionProvider {
  readonly name: ProviderName;
  /** How messages name it: "Gemini", "the server at 127.0.0.1:11434". */
  readonly label: string;
  /**
   * Once before any image: the key is accepted, the server answers, the first model exists (and, where the
   * provider can tell, sees images). Throws AppError 'invalid-key' | 'not-found' | 'network' | 'cancelled'.
   */
  check(model: string, signal?: AbortSignal): Promise<void>;
  /** One image, one model. Throws the API's errors (classified by `classify`); an answer without a caption is a result. */
  caption(req: CaptionRequest, schedule: Schedule): Promise<CaptionResult>;
  classify(err: unknown): CaptionFailure;
}

export interface CaptionRequest {
  model: string;
  image: PreparedImage;
  /**
   * The same image at a smaller size, for a provider whose server refused it as too big for the model's context
   * (local servers with small default windows); made on demand, once.
   */
  smaller: () => Promise<PreparedImage>;
  /** The rendered prompt (trigger filled in). */
  prompt: string;
  trigger: string;
  signal?: AbortSignal;
}

export interface Tokens {
  inputTokens: number;
  outputTokens: number;
}

export type CaptionResult =
  | ({ kind: 'captioned'; caption: string } & Tokens)
  /** The model or its filters refused: a human has to write this caption. */
  | ({ kind: 'blocked'; reason: string } & Tokens)
  /** An answer without a usable caption (cut off by the token cap twice, empty). */
  | ({ kind: 'empty'; reason: string } & Tokens);

/** Sends one request; the run engine passes its rate limiter here so every HTTP request goes through it. */
export type Schedule = <T>(send: () => Promise<T>) => Promise<T>;

/** What went wrong with a call, in terms of what the engine does next. Messages are plain and never hold a key. */
export type CaptionFailure =
  /** Per-minute limit (or shared capacity): wait at least `retryAfterMs` when the server says how long. */
  | { kind: 'rate-limit'; retryAfterMs: number | null; message: string }
  /** Per-day quota, or a model with no quota at all for this key: retrying in seconds will not help. */
  | { kind: 'daily-quota'; message: string }
  /** 502/503/504: the model is overloaded or timed out server-side. */
  | { kind: 'overloaded'; status: number; message: string }
  | { kind: 'server'; status: number; message: string }
  /** No answer at all: connection refused or dropped, DNS, timeout. */
  | { kind: 'network'; message: string }
  | { kind: 'invalid-key'; message: string }
  | { kind: 'model-not-found'; message: string }
  /** The model cannot see images: every image would fail the same way, so the run stops and says so once. */
  | { kind: 'no-vision'; message: string }
  /** Permanent for this image (unreadable image, payload too large even when smaller). */
  | { kind: 'bad-input'; message: string }
  | { kind: 'other'; status: number | null; message: string };

export type FailureKind = CaptionFailure['kind'];

/** Failures worth retrying the same request for (after a wait). */
export function isTransient(f: CaptionFailure): boolean {
  return f.kind === 'rate-limit' || f.kind === 'overloaded' || f.kind === 'server' || f.kind === 'network';
}
