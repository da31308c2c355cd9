import type { DatasetSettings, ImageFormat } from '../../shared/dataset';
import type { Clock } from '../ports';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff';
import type { ModelChain } from './lane';
import type { ProgressTracker } from './progress';
import type { CaptionProvider } from './provider';

export interface CaptionJob {
  id: string;
  source: string;
  format: ImageFormat;
}

export type CaptionOutcome =
  | { id: string; status: 'captioned'; caption: string; model: string; inputTokens: number; outputTokens: number }
  | { id: string; status: 'failed' | 'blocked'; error: string; model: string | null };

/** Why a run stopped early: a RunStatus, or the connection being gone (reported as AppError 'network'). */

import type { RunStatus } from '../../shared/progress';

export type { RunStatus } from '../../shared/progress';

/** How hard the engine tries before giving up on an image or a model. */
export interface RetryPolicy {
  /** Attempts per image on transient failures (5xx, network) before the image is marked failed. */
  maxAttempts: number;
  /** Transient failures in a row on one model (any images) before the run moves to the next fallback model. */
  breakerThreshold: number;
  /** Per-minute 429s one image may wait out before they count as failures. */
  maxRateLimitWaits: number;
  /**
   * Network failures in a row across the run (no answer in between) before the run stops: the connection is
   * gone. Not above maxAttempts, so an outage stops the run before any image is marked failed for it.
   */
  networkStopThreshold: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  breakerThreshold: 5,
  maxRateLimitWaits: 10,
  networkStopThreshold: 5,
  backoff: DEFAULT_BACKOFF,
};

/** Why a run stopped early: a RunStatus, or the connection being gone (reported as AppError 'network'). */
export type StopReason = {
  status: Exclude<RunStatus, 'completed' | 'cancelled'> | 'network';
  message: string;
  quotaResetsAt?: string;
};

/** What the per-image work shares with the run. */
export interface RunContext {
  provider: CaptionProvider;
  trigger: string;
  /** Rendered prompt. */
  prompt: string;
  settings: DatasetSettings;
  clock: Clock;
  random: () => number;
  retry: RetryPolicy;
  chain: ModelChain;
  progress: ProgressTracker;
  /** Aborts in-flight requests (cancel). */
  cancelSignal: AbortSignal;
  /** Aborts when no new request may start (cancel, or a stop such as an exhausted quota). */
  stopSignal: AbortSignal;
  /** Network failures in a row across the run; an answer resets it. */
  networkStreak: number;
  stop(reason: StopReason): void;
}
