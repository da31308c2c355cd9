/**
 * How long to wait before retrying. Exponential backoff with full jitter (a random delay between 0 and
 * base * 2^(n-1), capped): retries from many images spread out instead of arriving together. When the server
 * said how long to wait (RetryInfo), that is the minimum, plus a little spread for the same reason.
 */

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

/** Spread added on top of a server-given delay: 10% of it, at most one second. */
const RETRY_AFTER_SPREAD = 0.1;
const RETRY_AFTER_SPREAD_CAP_MS = 1000;

/**
 * Delay before retry number `failures` (1 after the first failure).
 * @param retryAfterMs the server's RetryInfo delay, honoured as a minimum even above the cap
 * @param random injectable for tests; returns [0, 1)
 */
export function backoffDelay(
  failures: number,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = Math.floor(random() * ceiling);
  if (retryAfterMs === null || retryAfterMs <= 0) return jittered;
  const spread = Math.floor(random() * Math.min(RETRY_AFTER_SPREAD_CAP_MS, retryAfterMs * RETRY_AFTER_SPREAD));
  return Math.max(jittered, retryAfterMs + spread);
}
