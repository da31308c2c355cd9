import { AppError } from '../../shared/errors';
import type { KeyStore } from '../ports';
import { keychainUnavailable } from './keychain-error';

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
