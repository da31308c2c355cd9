import type { KeyStatus } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { normaliseBaseUrl, serverKeyAccount, serverName } from '../../shared/servers';
import { createOpenAiClient, listServerModels } from '../captioner';
import { maskKey } from '../secrets';
import { listModels, serverKey } from '../workflow';
import type { BackendContext } from './context';
import type { Handlers } from './types';

type ModelCalls = 'listModels' | 'serverKeyStatus' | 'setServerKey' | 'removeServerKey';

/** The key a server gets and where it comes from; the key itself never leaves the main process. */
async function serverKeyStatus(ctx: BackendContext, baseUrl: string): Promise<KeyStatus> {
  const key = await serverKey(baseUrl, ctx.deps.keychain, ctx.env);
  if (!key) return { present: false, source: null, masked: null };
  const source = ctx.env.OPENAI_API_KEY?.trim() ? 'environment' : 'keychain';
  return { present: true, source, masked: maskKey(key) };
}

export function modelHandlers(ctx: BackendContext): Pick<Handlers, ModelCalls> {
  const entry = (baseUrl: string) => ctx.deps.keychain.entry(serverKeyAccount(normaliseBaseUrl(baseUrl)));
  return {
    listModels: (target) =>
      listModels(
        { ...target, baseUrl: target.baseUrl && normaliseBaseUrl(target.baseUrl) },
        ctx.deps.keychain,
        ctx.env,
      ),

    serverKeyStatus: (baseUrl) => serverKeyStatus(ctx, normaliseBaseUrl(baseUrl)),

    /** Listed with the key first: a key the server refuses is never stored. */
    async setServerKey(baseUrl, key) {
      const url = normaliseBaseUrl(baseUrl);
      if (/\s/u.test(key))
        throw new AppError('validation', 'The key contains spaces or line breaks: paste only the key.');
      await listServerModels(createOpenAiClient(url, key), serverName(url));
      await entry(url).set(key);
      return serverKeyStatus(ctx, url);
    },

    async removeServerKey(baseUrl) {
      await entry(baseUrl).remove();
      return serverKeyStatus(ctx, normaliseBaseUrl(baseUrl));
    },
  };
}
