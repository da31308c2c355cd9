/** The Gemini API key: OS keychain storage, environment override, and safe display. */
export { type ApiKeySource, resolveApiKey } from './api-key';
export { looksLikeApiKey, maskKey } from './key-format';
export { keychainUnavailable } from './keychain-error';
export { createKeychainStore, DEFAULT_ACCOUNT } from './keychain-store';
export { createMemoryKeyStore, type MemoryKeyStoreOptions } from './memory-store';
