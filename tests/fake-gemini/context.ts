import type { Fault, FaultRequest } from './faults';
import type { FakeModel } from './generation';
import type { Exchange } from './http';
import type { FakeGeminiOptions } from './options';
import type { ModelQuota } from './quota';
import type { FakeGeminiState } from './state';

/** What a route handler may use of the running fake: its behaviour, its model, its quotas and its stored state. */
export interface FakeContext {
  readonly state: FakeGeminiState;
  readonly model: FakeModel;
  /** The behaviour now (tests change it with setBehaviour). */
  options(): FakeGeminiOptions;
  /** Model ids the fake serves. */
  models(): readonly string[];
  /** `http://127.0.0.1:PORT`, for the URLs the fake hands out (file uris, upload URLs). */
  baseUrl(): string;
  /** Delay before an answer that took model work. */
  latency(): number;
  /** The fault a generateContent request meets: the test's hook, else the built-in random mix. */
  fault(req: FaultRequest): Fault | undefined;
  quota(model: string): ModelQuota;
}

/** Answers one route; `params` are the route pattern's capture groups (an id, a model, an API version). */
export type RouteHandler = (ex: Exchange, ctx: FakeContext, params: readonly string[]) => Promise<void> | void;
