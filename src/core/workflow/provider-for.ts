import type { DatasetSettings } from '../../shared/dataset';
import { isLocalServer, serverKeyAccount } from '../../shared/servers';
import { type CaptionProvider, createGeminiProvider, createOpenAiProvider } from '../captioner';
import type { Keychain } from '../ports';
import { GEMINI_KEY_ACCOUNT, resolveApiKey } from '../secrets';

export interface ProviderSetup {
  provider: CaptionProvider;
  /** The key in use, so messages can be scrubbed of it ('' when the server needs none). */
  secret: string;
}

/**
 * The key an OpenAI-compatible server gets: OPENAI_API_KEY from the environment, else the one stored in the
 * keychain for this base URL, else none (local servers need none).
 */
export async function serverKey(baseUrl: string, keychain: Keychain, env: NodeJS.ProcessEnv): Promise<string | null> {
  const fromEnv = env.OPENAI_API_KEY?.trim();
  if (fromEnv) return fromEnv;
  try {
    return (await keychain.entry(serverKeyAccount(baseUrl)).get())?.trim() || null;
  } catch (e) {
    // A server on this computer needs no key: a missing or locked keychain must not stop it.
    if (isLocalServer(baseUrl)) return null;
    throw e;
  }
}

/**
 * The provider a dataset's settings ask for, with its key. Gemini's key comes from GEMINI_API_KEY /
 * GOOGLE_API_KEY or the keychain (and GOOGLE_GEMINI_BASE_URL points at a proxy or the tests' fake); null when it
 * is missing, and each door says so in its own words (the app sends the user to Settings, the CLI names `key set`).
 */
export async function providerFor(
  settings: DatasetSettings,
  keychain: Keychain,
  env: NodeJS.ProcessEnv,
): Promise<ProviderSetup | null> {
  if (settings.provider === 'openai' && settings.baseUrl) {
    const apiKey = await serverKey(settings.baseUrl, keychain, env);
    return { provider: createOpenAiProvider({ baseUrl: settings.baseUrl, apiKey }), secret: apiKey ?? '' };
  }
  const gemini = await geminiAccess(keychain, env);
  if (!gemini) return null;
  return { provider: createGeminiProvider(gemini), secret: gemini.apiKey };
}

/**
 * Gemini's key (GEMINI_API_KEY / GOOGLE_API_KEY, else the keychain) and endpoint (GOOGLE_GEMINI_BASE_URL: a proxy
 * or the tests' fake), for a caption run and for a batch job alike; null when there is no key.
 */
export async function geminiAccess(
  keychain: Keychain,
  env: NodeJS.ProcessEnv,
): Promise<{ apiKey: string; baseUrl: string | undefined } | null> {
  const found = await resolveApiKey(keychain.entry(GEMINI_KEY_ACCOUNT), env);
  if (!found) return null;
  return { apiKey: found.key, baseUrl: env.GOOGLE_GEMINI_BASE_URL?.trim() || undefined };
}
