import { AppError } from '../../shared/errors';
import type { Keychain } from '../ports';
import { createReplicate } from './client';
import { toReplicateError } from './failure';

/** The keychain account holding the Replicate API token (beside the Gemini key and the servers' keys). */
export const REPLICATE_TOKEN_ACCOUNT = 'replicate-api-token';

const MISSING_TOKEN_MESSAGE =
  'Add your Replicate API token first (replicate.com/account/api-tokens): training runs on your Replicate account.';

/** The token to use and where it came from: REPLICATE_API_TOKEN in the environment wins over the keychain's. */
export async function replicateToken(
  keychain: Keychain,
  env: NodeJS.ProcessEnv,
): Promise<{ token: string; source: 'environment' | 'keychain' } | null> {
  const fromEnv = env.REPLICATE_API_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'environment' };
  const stored = (await keychain.entry(REPLICATE_TOKEN_ACCOUNT).get())?.trim();
  return stored ? { token: stored, source: 'keychain' } : null;
}

/** The token, or the `invalid-key` error that sends the user to add one. */
export async function requireToken(keychain: Keychain, env: NodeJS.ProcessEnv): Promise<string> {
  const found = await replicateToken(keychain, env);
  if (!found) throw new AppError('invalid-key', MISSING_TOKEN_MESSAGE);
  return found.token;
}

/** The account a token belongs to (`GET /v1/account`: free, the cheapest proof the token works). */
export async function accountOf(token: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return (await createReplicate(token, env).accounts.current()).username;
  } catch (e) {
    throw toReplicateError(e, 'check the API token');
  }
}
