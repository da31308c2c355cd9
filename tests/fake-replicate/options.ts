import type { FakeReplicateState } from './state';

/** How a fake Replicate server behaves; all optional, and all but `port` and `state` changeable while it runs. */

/**
 * Failures a test can inject per request, after authentication: an error status or a dropped connection
 * before the route runs, or `lost-answer`: the route does its work (a training is created) and the connection
 * drops before the answer arrives, as when the network fails mid-response.
 */
export type Fault = '429' | '500' | '503' | 'drop' | 'lost-answer';

interface FaultRequest {
  /** Position of the request in the log. */
  index: number;
  method: string;
  path: string;
  /** The client method the request is for (`trainings.get`, `files.create`...). */
  kind: string;
  /** nth request with this method and path (1-based): the client's own retries count up. */
  attempt: number;
}

export interface FakeReplicateOptions {
  /** Port to listen on (default 0: a random free port). */
  port?: number;
  /** Files, models and trainings to serve: pass the `state` of a closed fake to restart it with them. */
  state?: FakeReplicateState;
  /** The one token the fake accepts (default FAKE_REPLICATE_TOKEN). */
  token?: string;
  /** The account that token belongs to (default `caption-tester`): it owns the models and files it creates. */
  username?: string;
  /** false: the account is out of credit, so trainings.create answers 402 (default true). */
  credit?: boolean;
  /** Delay before every answer (default 0). */
  latencyMs?: number;
  /** Largest upload files.create takes (default 100 MiB, the real limit). */
  maxFileBytes?: number;
  /**
   * How trainings move. 'per-get' (default): each trainings.get moves a training one step, starting ->
   * processing (`progressSteps` times, logs growing) -> `trainingEndState`. 'manual': only `advanceTraining` and
   * `settleTraining` move it. No timers: tests decide when a training ends.
   */
  trainingProgress?: 'per-get' | 'manual';
  /** How many processing snapshots a training shows before it ends (default 2). */
  progressSteps?: number;
  /** Where a training that runs on its own ends (default 'succeeded'). */
  trainingEndState?: 'succeeded' | 'failed';
  /** The `error` of a training that fails without a reason of its own (default: a CUDA out-of-memory line). */
  trainingError?: string;
  /** Decides a fault for a request; undefined lets it through. */
  fault?: (req: FaultRequest) => Fault | undefined;
  /** Items per page of files.list and trainings.list (default 100, as the real API). */
  pageSize?: number;
}
