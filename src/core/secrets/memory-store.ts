import { AppError } from '../../shared/errors';
import type { Keychain, KeyStore } from '../ports';
import { keychainUnavailable } from './keychain-error';
import { GEMINI_KEY_ACCOUNT } from './keychain-store';

export interface MemoryKeyStoreOptions {
  /** Behave like a machine without a usable keychain: every call fails as the real store would. */
  unavailable?: boolean;
}

/** An in-process KeyStore for tests, the CLI's tests and the browser preview. Nothing is written anywhere. */
export function createMemoryKeyStore(initial: string | null = null, opts: MemoryKeyStoreOptions = {}): KeyStore {
  let secret = initial;
  const check = () => {
    if (opts.unavailable) throw keychainUnavailable('no keychain in this environment');
  };
  return {
    async get() {
      check();
      return secret;
    },
    async set(value) {
      check();
      if (typeof value !== 'string' || value === '') throw new AppError('validation', 'The API key is empty.');
      secret = value;
    },
    async remove() {
      check();
      const had = secret !== null;
      secret = null;
      return had;
    },
  };
}

/** An in-process keychain (tests, the preview): `initial` maps accounts to secrets; the Gemini key by default. */
export function createMemoryKeychain(
  initial: Readonly<Record<string, string>> | string | null = null,
  opts: MemoryKeyStoreOptions = {},
): Keychain {
  const seed = typeof initial === 'string' ? { [GEMINI_KEY_ACCOUNT]: initial } : (initial ?? {});
  const entries = new Map<string, KeyStore>();
  return {
    entry(account) {
      let store = entries.get(account);
      if (!store) {
        store = createMemoryKeyStore(seed[account] ?? null, opts);
        entries.set(account, store);
      }
      return store;
    },
  };
}
