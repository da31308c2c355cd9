/** The Gemini API key: OS keychain storage, environment override, and safe display. */
export { resolveApiKey } from './api-key';
export { looksLikeApiKey, maskKey } from './key-format';

export { createKeychainStore } from './keychain-store';
export { createMemoryKeyStore } from './memory-store';
