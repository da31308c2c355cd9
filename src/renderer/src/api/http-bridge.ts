import type { Api, CallName, Envelope, EventName } from '../../../shared/contract';
// Plain name lists, not contract.ts's values: those carry the zod schemas, which the page does not need.
import { callNames, eventNames, listenerNameOf } from '../../../shared/contract-names';
import {
  PREVIEW_API_PREFIX,
  PREVIEW_EVENTS_PATH,
  PREVIEW_TOKEN_HEADER,
  previewMediaPath,
} from '../../../shared/preview-protocol';
import { askForPath } from './path-prompt';
import type { MediaKind, RendererApi } from './types';

/** The part of EventSource the bridge uses (the browser's, or a stand-in where there is none). */
interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}
export type EventSourceFactory = new (url: string) => EventSourceLike;

/** What the bridge needs from the page; injectable so tests can run it outside a browser. */
export interface HttpBridgeOptions {
  fetch?: typeof fetch;
  EventSource?: EventSourceFactory;
}

type Listener = (payload: unknown) => void;

/**
 * The renderer API over HTTP, for the browser preview: every contract call is a POST to /api/<name> with the
 * argument tuple as JSON, answered with the same envelope the Electron IPC gives; events arrive over one
 * EventSource. Derived from the contract's name lists, so a new call or event needs no change here. Native
 * dialogs do not exist in a browser tab, so the three dialog calls ask for a path in the page instead.
 */
export function createHttpBridge(baseUrl: string, token: string, opts: HttpBridgeOptions = {}): RendererApi {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const origin = baseUrl.replace(/\/+$/u, '');

  async function post(name: CallName, args: unknown[]): Promise<Envelope<unknown>> {
    let res: Response;
    try {
      res = await doFetch(`${origin}${PREVIEW_API_PREFIX}${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: token },
        body: JSON.stringify(args),
      });
    } catch {
      return failure('The preview server is not answering. Is `npm run web` still running?');
    }
    const body: unknown = await res.json().catch(() => null);
    if (isEnvelope(body)) return body;
    return failure(`The preview server answered ${res.status} ${res.statusText}.`);
  }

  const calls = Object.fromEntries(callNames.map((name) => [name, (...args: unknown[]) => post(name, args)]));
  const dialogs: Pick<Api, 'chooseFolder' | 'chooseFiles' | 'chooseExportPath'> = {
    chooseFolder: async () => ok(await askForPath({ kind: 'folder' })),
    chooseFiles: async () => ok(await askForPath({ kind: 'files' })),
    chooseExportPath: async (defaultName) => {
      const answer = await askForPath({ kind: 'save', defaultValue: defaultName });
      return ok(answer?.[0] ?? null);
    },
  };

  const events = createEventHub(`${origin}${PREVIEW_EVENTS_PATH}`, opts.EventSource ?? globalThis.EventSource);
  const subscriptions = Object.fromEntries(
    eventNames.map((name) => [listenerNameOf(name), (l: Listener) => events.on(name, l)]),
  );

  return {
    ...(calls as unknown as Api),
    ...(subscriptions as unknown as Api),
    ...dialogs,
    pathsForFiles: () => null, // a web page never learns where a dropped file lives
    mediaUrl: (kind: MediaKind, datasetId: string, imageId: string) =>
      `${origin}${previewMediaPath(kind, datasetId, imageId)}`,
  };
}

/**
 * One EventSource for all listeners, opened with the first subscription and closed with the last. It sends the
 * preview's HttpOnly cookie (an EventSource cannot set headers) and reconnects by itself after a drop.
 */
function createEventHub(url: string, Source: EventSourceFactory) {
  const listeners = new Map<EventName, Set<Listener>>(eventNames.map((n) => [n, new Set<Listener>()]));
  let source: EventSourceLike | null = null;

  const count = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  const open = () => {
    const es = new Source(url);
    for (const name of eventNames) {
      es.addEventListener(name, (e) => {
        let payload: unknown;
        try {
          payload = JSON.parse(e.data);
        } catch {
          return;
        }
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
    return es;
  };

  return {
    on(name: EventName, listener: Listener): () => void {
      listeners.get(name)?.add(listener);
      source ??= open();
      return () => {
        listeners.get(name)?.delete(listener);
        if (count() === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
const failure = (message: string): Envelope<never> => ({ ok: false, error: { kind: 'internal', message } });

function isEnvelope(body: unknown): body is Envelope<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  return body.ok === true ? 'value' in body : 'error' in body;
}
