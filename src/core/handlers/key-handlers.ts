import type { KeyStatus } from '../../shared/contract';
import { AppError, isAppError } from '../../shared/errors';
import { createGeminiProvider } from '../captioner';
import { GEMINI_KEY_ACCOUNT, looksLikeApiKey, maskKey, resolveApiKey } from '../secrets';
import { type BackendContext, MISSING_KEY_MESSAGE } from './context';
import { currentSettings } from './settings-handlers';
import type { Handlers } from './types';

type KeyCalls = 'keyStatus' | 'setKey' | 'testKey' | 'removeKey';

const geminiKey = (ctx: BackendContext) => ctx.deps.keychain.entry(GEMINI_KEY_ACCOUNT);

/** Where the key comes from and its masked form; the key itself never leaves the main process. */
async function keyStatus(ctx: BackendContext): Promise<KeyStatus> {
  const found = await resolveApiKey(geminiKey(ctx), ctx.env);
  return found
    ? { present: true, source: found.source, masked: maskKey(found.key) }
    : { present: false, source: null, masked: null };
}

/**
 * One models.get call (no tokens spent). A model Gemini does not know still proves the key was accepted (the
 * 404 comes after authentication), so only key, network and cancellation errors count here.
 */
async function verifyKey(ctx: BackendContext, key: string): Promise<void> {
  try {
    await createGeminiProvider({ apiKey: key, baseUrl: ctx.baseUrl }).check(currentSettings(ctx).model);
  } catch (e) {
    if (isAppError(e) && e.kind === 'not-found') return;
    throw e;
  }
}

export function keyHandlers(ctx: BackendContext): Pick<Handlers, KeyCalls> {
  return {
    keyStatus: () => keyStatus(ctx),

    /** Checked for shape, then against the API, and only then stored: a rejected key is never saved. */
    async setKey(key) {
      const problem = looksLikeApiKey(key);
      if (problem) throw new AppError('validation', problem);
      await verifyKey(ctx, key);
      await geminiKey(ctx).set(key);
      return keyStatus(ctx);
    },

    /** Tests the key runs would use (the environment's when set, else the keychain's). */
    async testKey() {
      const found = await resolveApiKey(geminiKey(ctx), ctx.env);
      if (!found) throw new AppError('invalid-key', MISSING_KEY_MESSAGE);
      await verifyKey(ctx, found.key);
      return keyStatus(ctx);
    },

    async removeKey() {
      await geminiKey(ctx).remove();
      return keyStatus(ctx);
    },
  };
}
