import type { KeyStore } from '../ports';

export type ApiKeySource = 'environment' | 'keychain';

/** Checked in this order; the environment wins so CI and power users never need the keychain. */
const ENV_VARS = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] as const;

/**
 * The key to use and where it came from, or null when there is none. Keychain failures propagate (as the
 * keychain-unavailable AppError) only when no environment variable provides a key.
 */
export async function resolveApiKey(
  store: KeyStore,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ key: string; source: ApiKeySource } | null> {
  for (const name of ENV_VARS) {
    const value = env[name]?.trim();
    if (value) return { key: value, source: 'environment' };
  }
  const stored = (await store.get())?.trim();
  return stored ? { key: stored, source: 'keychain' } : null;
}
