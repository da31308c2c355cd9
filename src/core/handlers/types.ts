import type { z } from 'zod';
import type { CallName, CallResult, Calls, EventName, Events } from '../../shared/contract';
import type { DatasetSettings } from '../../shared/dataset';
import type { DatasetStore } from '../datasets';
import type { Clock, DesktopShell, Dialogs, Keychain, Logger, SettingsStore } from '../ports';

/**
 * The implementation of every contract call, with arguments already validated by the contract's schemas.
 * Electron's IPC registration and the browser preview's HTTP bridge both wrap this same table.
 */
export type Handlers = {
  [K in CallName]: (...args: z.output<Calls[K]['args']>) => Promise<CallResult<K>>;
};

/** Pushes an event to the UI (webContents.send in Electron, server-sent events in the preview). */
export type Emit = <K extends EventName>(name: K, payload: Events[K]) => void;

export interface HandlerDeps {
  store: DatasetStore;
  keychain: Keychain;
  dialogs: Dialogs;
  shell: DesktopShell;
  settings: SettingsStore<DatasetSettings>;
  emit: Emit;
  /** Environment for API-key overrides (GEMINI_API_KEY) and GOOGLE_GEMINI_BASE_URL. */
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /**
   * How long shutdown waits for the page to save typed captions (Electron: a couple of seconds). 0 or absent: it
   * does not ask (tests, the CLI), since nothing may be listening.
   */
  uiFlushTimeoutMs?: number;
  /** Where unexpected failures are logged; a redacted stderr logger when absent. */
  log?: Logger;
  /** Whether a page is there to ask (a closed window cannot answer; shutdown then does not wait). */
  isUiAttached?: () => boolean;
}
