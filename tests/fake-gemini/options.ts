import type { Fault, FaultRequest } from './faults';
import type { RequestKind } from './log';
import type { FakeGeminiState, TerminalBatchState } from './state';

/** How a fake Gemini server behaves; all optional, and all but `port` and `state` changeable while it runs. */
export interface FakeGeminiOptions {
  /** Port to listen on (default 0: a random free port). */
  port?: number;
  /** Files and batches to serve: pass the `state` of a closed fake to restart it with them (default: empty). */
  state?: FakeGeminiState;
  /** Delay before every generateContent answer (default 0), plus or minus up to `jitterMs`. */
  latencyMs?: number;
  jitterMs?: number;
  /** Requests per minute per model over a sliding 60 s window; one number for all models or a map. */
  rpm?: number | Readonly<Record<string, number>>;
  /** Requests per day per model. */
  dailyQuota?: number | Readonly<Record<string, number>>;
  models?: readonly string[];
  /** Decides a fault for a request (checked after quotas); undefined lets it through. Also used for batch lines
   * unless `batchFault` is given. */
  fault?: (req: FaultRequest) => Fault | undefined;
  /** Decides a fault for one line of a batch when the batch runs (default: `fault`). The built-in random faults
   * of `failRate` never hit batch lines: the batch service retries transient errors itself. */
  batchFault?: (req: FaultRequest) => Fault | undefined;
  /** Built-in seeded random transient faults (429/503/500/drop) for about this share of requests. */
  failRate?: number;
  seed?: number;
  /** retryDelay in the RetryInfo of an injected 429 (default 1 s). */
  faultRetryDelaySeconds?: number;
  /** Thinking tokens a thinking model spends per answer (default 300). */
  thinkingTokens?: number;
  /** Wrap answers in realistic noise (preambles, quotes, markdown); default true. */
  noise?: boolean;
  /**
   * How batches move. 'per-get' (default): each batches.get steps a batch once, PENDING -> RUNNING -> its end
   * state, so a client polling twice sees it finish. 'manual': only `advanceBatch` / `settleBatch` move it.
   */
  batchProgress?: 'per-get' | 'manual';
  /** The state a batch ends in when it progresses on its own (default SUCCEEDED). */
  batchEndState?: TerminalBatchState;
  /** Largest file the Files API takes (default 2 GiB, the real limit). */
  maxFileBytes?: number;
  /** Largest batchGenerateContent request body (default 20 MiB, the real limit for inline requests). */
  maxBatchRequestBytes?: number;
  /**
   * Requests of a kind wait for the promise this returns before they are handled: a test holds, say, a batch's
   * create call to look at the app while it is submitting, then lets it through. No timers involved.
   */
  hold?: (kind: RequestKind) => Promise<void> | undefined;
  /**
   * Requests of a kind are carried out (a batch is created, a file stored) but their answer never arrives: the
   * connection is cut instead, as when the network drops after the server did the work.
   */
  loseAnswer?: (kind: RequestKind) => boolean;
}
