import type { Exchange } from './http';
import type { FakeReplicateOptions } from './options';
import type { FakeReplicateState } from './state';

/** What a route handler may use of the running fake: its behaviour, its stored state and where it listens. */
export interface FakeContext {
  readonly state: FakeReplicateState;
  /** The behaviour now (tests change it with setBehaviour). */
  options(): FakeReplicateOptions;
  /** `http://127.0.0.1:PORT`, for the URLs the fake hands out (`urls.get` of files and trainings). */
  origin(): string;
  /** The username of the account the valid token belongs to. */
  username(): string;
}

/** Answers one route; `params` are the route pattern's capture groups (an id, an owner, a model name). */
export type RouteHandler = (ex: Exchange, ctx: FakeContext, params: readonly string[]) => Promise<void> | void;
