/**
 * The interfaces services depend on. Electron, the CLI, the browser preview and the tests each provide their own
 * implementations, so no service ever imports `electron`.
 */

/** The OS keychain (or a stand-in). Implementations must never log or persist the secret anywhere else. */
export interface KeyStore {
  get(): Promise<string | null>;
  set(secret: string): Promise<void>;
  /** Returns true when a key was removed. */
  remove(): Promise<boolean>;
}

/** Wall-clock and timers, injectable so retry timing and rate limits can be tested without real waits. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Where the app keeps its data. */
export interface AppPaths {
  /** Root of Caption Studio's data (sessions live in `<dataDir>/sessions`). */
  dataDir: string;
}
