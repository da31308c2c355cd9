/** The Gemini API key: OS keychain storage, environment override, and safe display. */
export { resolveApiKey } from './api-key';
export { looksLikeApiKey, maskKey } from './key-format';

export { createKeychainStore, createOsKeychain, GEMINI_KEY_ACCOUNT } from './keychain-store';
export { createMemoryKeychain } from './memory-store';
