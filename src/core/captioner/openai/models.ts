import type { OpenAI } from 'openai';
import { AppError } from '../../../shared/errors';
import { classifyOpenAiError } from './classify';

export interface ServerModel {
  id: string;
  /** From OpenRouter's `architecture.input_modalities`; null when the server does not say (most do not). */
  vision: boolean | null;
}

/**
 * The models the server offers (`GET /models`, no tokens spent). Failures become one plain AppError: nothing
 * listening is 'network' with "is the server running?", a refused key 'invalid-key'.
 */
export async function listServerModels(client: OpenAI, server: string, signal?: AbortSignal): Promise<ServerModel[]> {
  try {
    const page = await client.models.list(signal ? { signal } : {});
    return page.data.map((m) => {
      const modalities = (m as { architecture?: { input_modalities?: unknown } }).architecture?.input_modalities;
      return { id: m.id, vision: Array.isArray(modalities) ? modalities.includes('image') : null };
    });
  } catch (err) {
    if (signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
    const f = classifyOpenAiError(err, server);
    if (f.kind === 'invalid-key') throw new AppError('invalid-key', f.message);
    if (f.kind === 'network') throw new AppError('network', f.message);
    throw new AppError('network', `${server} is not answering properly: ${f.message}`);
  }
}

/** Before a run: the server answers, accepts the key, has the model, and (when it says) the model sees images. */
export async function checkServerModel(
  client: OpenAI,
  server: string,
  model: string,
  signal?: AbortSignal,
): Promise<void> {
  const models = await listServerModels(client, server, signal);
  const found = models.find((m) => m.id === model);
  if (!found && models.length > 0) {
    const some = models
      .slice(0, 8)
      .map((m) => m.id)
      .join(', ');
    throw new AppError(
      'not-found',
      `${server} has no model "${model}". It offers: ${some}${models.length > 8 ? ', …' : ''}.`,
    );
  }
  if (found?.vision === false) {
    throw new AppError('validation', `The model "${model}" on ${server} cannot see images. Choose a vision model.`);
  }
}
