/**
 * Per-model request quotas as Gemini enforces them: requests per minute over a sliding 60 s window, and requests
 * per day. Only requests that pass are counted (a rejected request does not use quota).
 */

export type QuotaVerdict =
  | { ok: true }
  | { ok: false; window: 'minute' | 'day'; limit: number; retryDelaySeconds: number };

const MINUTE_MS = 60_000;

export class ModelQuota {
  private readonly starts: number[] = [];
  private today = 0;

  check(now: number, rpm: number | undefined, perDay: number | undefined): QuotaVerdict {
    while (this.starts.length > 0 && now - (this.starts[0] ?? 0) >= MINUTE_MS) this.starts.shift();
    if (perDay !== undefined && this.today >= perDay) {
      // A day's quota resets at midnight Pacific; the API says "hours", so the fake says a few hours.
      return { ok: false, window: 'day', limit: perDay, retryDelaySeconds: 6 * 3600 };
    }
    if (rpm !== undefined && this.starts.length >= rpm) {
      const oldest = this.starts[0] ?? now;
      return {
        ok: false,
        window: 'minute',
        limit: rpm,
        retryDelaySeconds: Math.max(1, Math.ceil((oldest + MINUTE_MS - now) / 1000)),
      };
    }
    this.starts.push(now);
    this.today++;
    return { ok: true };
  }

  /** Number of requests in the last minute (for tests asserting the client stayed under its limit). */
  inLastMinute(now: number): number {
    return this.starts.filter((t) => now - t < MINUTE_MS).length;
  }
}

/** Resolves a per-model setting given either one number for every model or a map by model id. */
export function perModel(
  setting: number | Readonly<Record<string, number>> | undefined,
  model: string,
): number | undefined {
  if (setting === undefined || typeof setting === 'number') return setting;
  return setting[model];
}
