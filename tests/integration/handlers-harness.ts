import { join } from 'node:path';
import { createDatasetStore } from '../../src/core/datasets';
import type { Emit } from '../../src/core/handlers';
import { type Backend, createBackend, dispatch } from '../../src/core/handlers';
import type { DesktopShell, Dialogs, KeyStore, SettingsStore } from '../../src/core/ports';
import { createMemoryKeychain, GEMINI_KEY_ACCOUNT } from '../../src/core/secrets';
import { defaultSettings } from '../../src/core/workflow';
import type { Envelope, EventName, Events } from '../../src/shared/contract';
import type { DatasetSettings } from '../../src/shared/dataset';
import type { ErrorEnvelope } from '../../src/shared/errors';
import { removeDir, tempDir } from '../support/fixtures';

/**
 * A real backend for handler tests: the dataset store in a temp data dir, a memory key store, recorded events,
 * recorded shell hand-offs and scripted dialogs. Remove `root` with removeDir and call `backend.shutdown()`.
 */

interface RecordedEvent<K extends EventName = EventName> {
  name: K;
  payload: Events[K];
}

export interface Harness {
  root: string;
  backend: Backend;
  keyStore: KeyStore;
  events: RecordedEvent[];
  shellCalls: string[];
  /** The payloads of one event kind so far. */
  of<K extends EventName>(name: K): Array<Events[K]>;
  /** Resolves with the first event of `name` (already recorded or still to come) that `match` accepts. */
  next<K extends EventName>(name: K, match?: (payload: Events[K]) => boolean): Promise<Events[K]>;
}

export interface HarnessOptions {
  env?: NodeJS.ProcessEnv;
  key?: string | null;
  settings?: Partial<DatasetSettings>;
  savePath?: string | null;
  uiFlushTimeoutMs?: number;
  /** An existing harness's root: the same data folder, as when the app starts again. */
  root?: string;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const root = opts.root ?? (await tempDir('caption-studio-handlers-'));
  const events: RecordedEvent[] = [];
  const waiters: Array<{ name: EventName; match: (p: unknown) => boolean; resolve: (p: unknown) => void }> = [];
  const emit: Emit = (name, payload) => {
    events.push({ name, payload } as RecordedEvent);
    for (const w of waiters.filter((x) => x.name === name && x.match(payload))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(payload);
    }
  };
  let saved: DatasetSettings = { ...defaultSettings(), rpm: 6000, downscale: 512, ...opts.settings };
  const settings: SettingsStore<DatasetSettings> = { get: () => saved, set: (v) => (saved = v) };
  const shellCalls: string[] = [];
  const shell: DesktopShell = {
    showInFolder: async (p) => void shellCalls.push(`show ${p}`),
    openPath: async (p) => void shellCalls.push(`open ${p}`),
    openExternal: async (u) => void shellCalls.push(`external ${u}`),
  };
  const dialogs: Dialogs = {
    chooseFolder: async () => null,
    chooseFiles: async () => null,
    chooseSavePath: async () => opts.savePath ?? null,
  };
  const keychain = createMemoryKeychain(opts.key ?? null);
  const keyStore = keychain.entry(GEMINI_KEY_ACCOUNT);
  const store = createDatasetStore({ dataDir: join(root, 'data') });
  const backend = createBackend({
    ...{ store, keychain, dialogs, shell, settings, emit, env: opts.env ?? {} },
    ...(opts.uiFlushTimeoutMs ? { uiFlushTimeoutMs: opts.uiFlushTimeoutMs } : {}),
  });
  return {
    root,
    backend,
    keyStore,
    events,
    shellCalls,
    of: <K extends EventName>(name: K) => events.filter((e) => e.name === name).map((e) => e.payload as Events[K]),
    next<K extends EventName>(name: K, match: (p: Events[K]) => boolean = () => true): Promise<Events[K]> {
      const seen = events.find((e) => e.name === name && match(e.payload as Events[K]));
      if (seen) return Promise.resolve(seen.payload as Events[K]);
      return new Promise((resolve) =>
        waiters.push({ name, match: (p) => match(p as Events[K]), resolve: (p) => resolve(p as Events[K]) }),
      );
    },
  };
}

/**
 * Backends started one after another on one data folder, as the app is quit and opened again; `closeAll` shuts
 * every one down and removes the folder (call it in afterEach).
 */
export function appRestarts(): { start(opts: HarnessOptions): Promise<Harness>; closeAll(): Promise<void> } {
  const started: Harness[] = [];
  return {
    async start(opts) {
      const h = await startHarness(opts);
      started.push(h);
      return h;
    },
    async closeAll() {
      for (const h of started) await h.backend.shutdown();
      await removeDir(started[0]?.root ?? '');
      started.length = 0;
    },
  };
}

/** Calls through the real boundary (name check, schema parse, envelope), as IPC and the preview do. */
export async function call(h: Harness, name: string, ...args: unknown[]): Promise<Envelope<unknown>> {
  return dispatch(h.backend.handlers, name, args, () => {});
}

/** The value of a call that must succeed (the error message fails the test otherwise). */
export async function ok<T>(h: Harness, name: string, ...args: unknown[]): Promise<T> {
  const envelope = await call(h, name, ...args);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.kind}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** The error of a call that must fail. */
export async function refused(h: Harness, name: string, ...args: unknown[]): Promise<ErrorEnvelope> {
  const envelope = await call(h, name, ...args);
  if (envelope.ok) throw new Error(`${name} unexpectedly succeeded`);
  return envelope.error;
}
