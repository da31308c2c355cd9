import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { AppError } from '../../shared/errors';
import { APP_ID } from '../app-paths';
import type { Keychain, KeyStore } from '../ports';
import { keychainUnavailable } from './keychain-error';

/** The account of the Gemini key (the only key version 0.1 stored: the name stays). */
export const GEMINI_KEY_ACCOUNT = 'gemini-api-key';

/**
 * On Linux the library silently falls back to the kernel keyring when there is no Secret Service; that store
 * is in memory only, so a key saved there would vanish at reboot without a word. Pin the Secret Service and
 * report its absence instead (the user can use GEMINI_API_KEY).
 */
export const PINNED_STORE: EntryOptions = { linux: { store: 'secret-service' } };

/** The Gemini API key in the OS keychain (Keychain, Credential Manager, Secret Service). */
export function createKeychainStore(opts: { service?: string; account?: string } = {}): KeyStore {
  const service = opts.service ?? APP_ID;
  const account = opts.account ?? GEMINI_KEY_ACCOUNT;

  async function withEntry<T>(use: (entry: AsyncEntry) => Promise<T>, secret?: string): Promise<T> {
    try {
      // The constructor itself throws when the pinned store is missing, so it belongs inside the try.
      return await use(new AsyncEntry(service, account, PINNED_STORE));
    } catch (e) {
      throw keychainUnavailable(e, secret);
    }
  }

  return {
    async get() {
      const value = await withEntry((e) => e.getPassword());
      return value ? value : null;
    },
    async set(secret) {
      if (typeof secret !== 'string' || secret === '') throw new AppError('validation', 'The API key is empty.');
      await withEntry((e) => e.setPassword(secret), secret);
    },
    async remove() {
      return withEntry((e) => e.deletePassword());
    },
  };
}

/** The OS keychain, one entry per account, under the app's service name. */
export function createOsKeychain(service = APP_ID): Keychain {
  return { entry: (account) => createKeychainStore({ service, account }) };
}
