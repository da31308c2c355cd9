import type { RendererApi } from '../../../src/renderer/src/api/types';
import type { CallArgs, CallName, CallResult, Envelope, EventName, Events } from '../../../src/shared/contract';
import { callNames, eventNames, listenerNameOf } from '../../../src/shared/contract-names';
import type { ErrorKind } from '../../../src/shared/errors';

/**
 * The one stand-in of the component tests: the backend behind `window.captionStudio` (in the app, the preload's
 * bridge to the main process). Everything on the page is real; this records each call and answers it the way
 * the test says: with a value, with main's error envelope, or not yet (the test settles each waiting call).
 * A call the test gave no answer for is refused and reported, so a test cannot pass on an unexpected call.
 * The real backend is exercised by the integration and e2e suites.
 */

type Answer<K extends CallName> = (...args: CallArgs<K>) => CallResult<K> | Promise<CallResult<K>>;
type Mode = 'answer' | 'fail' | 'hold';

/** A call waiting for the test: answer it (with the call's answer) or fail it. */
interface HeldCall<K extends CallName> {
  readonly args: CallArgs<K>;
  answer(): void;
  fail(kind: ErrorKind, message: string): void;
}

/** The calls to one name that are waiting, oldest first. */
interface HeldCalls<K extends CallName> {
  readonly waiting: number;
  /** Takes the oldest waiting call (throws when none waits: the page did not make the call the test expected). */
  next(): HeldCall<K>;
}

interface Route {
  mode: Mode;
  answer?: (...args: never[]) => unknown;
  failure?: { kind: ErrorKind; message: string; details?: unknown };
  held: HeldCall<CallName>[];
}

class FakeBackend {
  /** Every call the page made, in order. */
  readonly calls: { name: CallName; args: unknown[] }[] = [];
  /** Calls made without an answer set by the test; the DOM test setup fails the test when any are left. */
  readonly unanswered: CallName[] = [];
  readonly bridge: RendererApi;
  private routes = new Map<CallName, Route>();
  private listeners = new Map<EventName, Set<(payload: never) => void>>();

  constructor() {
    const bridge: Record<string, unknown> = {
      pathsForFiles: () => null,
      mediaUrl: (kind: string, datasetId: string, imageId: string) => `media:${kind}/${datasetId}/${imageId}`,
    };
    for (const name of callNames) bridge[name] = (...args: unknown[]) => this.receive(name, args);
    for (const name of eventNames) {
      bridge[listenerNameOf(name)] = (listener: (payload: never) => void) => this.subscribe(name, listener);
    }
    // Built from the contract's own name lists, so it has every call and event the real bridges have.
    this.bridge = bridge as RendererApi;
  }

  /** From now on, calls to `name` are answered with what `answer` returns for their arguments. */
  answer<K extends CallName>(name: K, answer: Answer<K>): void {
    Object.assign(this.route(name), { mode: 'answer', answer });
  }

  /** From now on, calls to `name` fail as main reports a failure (the UI sees `kind`, `message` and `details`). */
  fail(name: CallName, kind: ErrorKind, message: string, details?: unknown): void {
    Object.assign(this.route(name), { mode: 'fail', failure: { kind, message, details } });
  }

  /** From now on, calls to `name` wait until the test answers or fails each one. */
  hold<K extends CallName>(name: K): HeldCalls<K> {
    const route = this.route(name);
    route.mode = 'hold';
    return {
      get waiting() {
        return route.held.length;
      },
      next: () => {
        const call = route.held.shift();
        if (!call) throw new Error(`No call to ${name} is waiting.`);
        return call as unknown as HeldCall<K>;
      },
    };
  }

  /** Calls to `name` are answered at once again, with its answer (calls still waiting stay waiting). */
  release(name: CallName): void {
    this.route(name).mode = 'answer';
  }

  /** The arguments of every call to `name`, in order. */
  callsTo<K extends CallName>(name: K): CallArgs<K>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args as CallArgs<K>);
  }

  /** Pushes an event to the page, as main does (an image updated by a run, progress...). */
  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as (p: Events[E]) => void)(payload);
  }

  /** Forgets every call and answer (listeners stay: they belong to the page, which unmounts on its own). */
  reset(): void {
    this.calls.length = 0;
    this.unanswered.length = 0;
    this.routes.clear();
  }

  private subscribe(name: EventName, listener: (payload: never) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, set.add(listener));
    return () => set.delete(listener);
  }

  private route(name: CallName): Route {
    const route = this.routes.get(name) ?? { mode: 'answer', held: [] };
    this.routes.set(name, route);
    return route;
  }

  private receive(name: CallName, args: unknown[]): Promise<Envelope<unknown>> {
    this.calls.push({ name, args });
    const route = this.route(name);
    if (route.mode !== 'hold') return this.reply(name, route, args);
    return new Promise((resolve) => {
      route.held.push({
        args: args as never,
        answer: () => resolve(this.reply(name, { ...route, mode: 'answer' }, args)),
        fail: (kind, message) => resolve(failure(kind, message)),
      });
    });
  }

  private async reply(name: CallName, route: Route, args: unknown[]): Promise<Envelope<unknown>> {
    if (route.mode === 'fail' && route.failure) {
      return failure(route.failure.kind, route.failure.message, route.failure.details);
    }
    if (!route.answer) {
      this.unanswered.push(name);
      return failure('internal', `The test gave no answer for ${name}.`);
    }
    try {
      return { ok: true, value: await route.answer(...(args as never[])) };
    } catch (e) {
      // An answer that throws stands for main failing unexpectedly; the real bridges never reject either.
      return failure('internal', e instanceof Error ? e.message : String(e));
    }
  }
}

function failure(kind: ErrorKind, message: string, details?: unknown): Envelope<never> {
  return { ok: false, error: details === undefined ? { kind, message } : { kind, message, details } };
}

/** The page's backend in this test file (installed as `window.captionStudio` by the DOM test setup). */
export const backend = new FakeBackend();
