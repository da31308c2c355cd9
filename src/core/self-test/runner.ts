/**
 * Runs named checks one after another and records for each: passed or not, a one-line detail, how long it took.
 * A check passes by resolving with its detail and fails by throwing; it can never take the run down with it,
 * and one that hangs (a keychain daemon that never answers) fails after a timeout instead of hanging the run.
 */

export interface Check {
  name: string;
  /** Resolves with what was found (versions, paths, sizes); throws to fail. */
  run(): Promise<string>;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
  ms: number;
}

export interface RunOptions {
  /** How long one check may take. */
  timeoutMs?: number;
  /** Milliseconds from any fixed point, for the durations. */
  now?: () => number;
}

const CHECK_TIMEOUT_MS = 30_000;

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() || 'failed without a message';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function runChecks(checks: readonly Check[], options: RunOptions = {}): Promise<CheckResult[]> {
  const now = options.now ?? (() => performance.now());
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const results: CheckResult[] = [];
  // One at a time, so each duration is that check's own and the report reads in a fixed order.
  for (const check of checks) {
    const started = now();
    const finish = (ok: boolean, detail: string) =>
      results.push({ name: check.name, ok, detail, ms: Math.round(now() - started) });
    try {
      finish(
        true,
        await withTimeout(
          Promise.resolve().then(() => check.run()),
          timeoutMs,
        ),
      );
    } catch (error) {
      finish(false, messageOf(error));
    }
  }
  return results;
}
