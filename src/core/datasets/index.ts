/** Session storage: one folder per session with manifest.json, an append-only journal and thumbnails. */
export { assertValidId, isValidId, makeSessionId } from './ids';
export type { ImagePatch } from './journal';
export { createSessionStore } from './store';
export type { CreateSessionInit, SessionStore, SessionStoreOptions, SessionSummary } from './types';
