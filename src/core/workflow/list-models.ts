import type { ListedModel, ModelTarget } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { listedModel } from '../../shared/model-list';
import { GEMINI_MODELS } from '../../shared/models';
import { serverName } from '../../shared/servers';
import { createGeminiClient, createOpenAiClient, listGeminiModels, listServerModels } from '../captioner';
import type { Keychain } from '../ports';
import { GEMINI_KEY_ACCOUNT, resolveApiKey } from '../secrets';
import { serverKey } from './provider-for';

/** Known models first, in the catalogue's order (the recommended ones lead), then the rest by name. */
function catalogueOrder(a: ListedModel, b: ListedModel): number {
  const rank = (m: ListedModel) => {
    const i = GEMINI_MODELS.findIndex((k) => k.id === m.id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return rank(a) - rank(b) || a.id.localeCompare(b.id);
}

/**
 * The models the user can caption with where they point Caption Studio: the Gemini models their key may use, or
 * the models an OpenAI-compatible server offers. Listing spends no tokens; prices and quotas come from the
 * catalogue for the models it knows.
 */
export async function listModels(
  target: ModelTarget,
  keychain: Keychain,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<ListedModel[]> {
  if (target.provider === 'openai') {
    if (!target.baseUrl) throw new AppError('validation', "Enter the server's address first.");
    const client = createOpenAiClient(target.baseUrl, await serverKey(target.baseUrl, keychain, env));
    const models = await listServerModels(client, serverName(target.baseUrl), signal);
    return models.map((m) => listedModel(m.id, m.id, 'openai', m.vision)).sort((a, b) => a.id.localeCompare(b.id));
  }
  const found = await resolveApiKey(keychain.entry(GEMINI_KEY_ACCOUNT), env);
  if (!found) throw new AppError('invalid-key', 'Add your Gemini API key first: the list of models depends on it.');
  const client = createGeminiClient(found.key, env.GOOGLE_GEMINI_BASE_URL?.trim() || undefined);
  const models = await listGeminiModels(client, signal);
  return models.map((m) => listedModel(m.id, m.label, 'gemini', null)).sort(catalogueOrder);
}
