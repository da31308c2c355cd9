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

/**
 * Where diagnostics go: the app's rotating log file, stderr for the CLI and the preview, a silent one in tests.
 * Implementations redact secrets and the home folder (core/log.ts `createLogger` does).
 */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/**
 * The OS keychain (or a stand-in), one secret per account: the Gemini key, each OpenAI-compatible server's key.
 * Accounts are named by `core/secrets` and `shared/servers`.
 */
export interface Keychain {
  entry(account: string): KeyStore;
}

/** Wall-clock and timers, injectable so retry timing and rate limits can be tested without real waits. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Where the app keeps its data. */
export interface AppPaths {
  /** Root of Caption Studio's data (datasets live in `<dataDir>/datasets`). */
  dataDir: string;
}

/** Native file dialogs (Electron's `dialog`; an in-page path prompt in the browser preview; scripted in tests). */
export interface Dialogs {
  /** Absolute paths of the chosen folder(s), or null when cancelled. */
  chooseFolder(): Promise<string[] | null>;
  chooseFiles(): Promise<string[] | null>;
  /** Where to save a file, starting from `defaultName`; null when cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>;
}

/** Hand-offs to the operating system. Implementations enforce their own allow-lists. */
export interface DesktopShell {
  showInFolder(path: string): Promise<void>;
  openPath(path: string): Promise<void>;
  /** Opens an allow-listed https URL in the OS browser; refuses anything else. */
  openExternal(url: string): Promise<void>;
}

/** App-wide settings (defaults for new datasets): electron-store in the app, a JSON file elsewhere. */
export interface SettingsStore<T> {
  get(): T;
  set(value: T): void;
}
