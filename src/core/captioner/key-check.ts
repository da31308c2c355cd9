import { AppError } from '../../shared/errors';
import { classifyError } from './classify';
import { createGeminiClient } from './client';

export interface KeyCheckOptions {
  baseUrl?: string;
  signal?: AbortSignal;
}

/**
 * Checks that `apiKey` works and `model` exists with one models.get call: no tokens spent, no quota used for
 * generation. Throws AppError 'invalid-key' | 'not-found' | 'network' | 'cancelled' with a plain message that
 * never includes the key.
 */
export async function checkApiKey(apiKey: string, model: string, opts: KeyCheckOptions = {}): Promise<void> {
  if (apiKey.trim() === '') {
    throw new AppError(
      'invalid-key',
      'No Gemini API key is set. Add one in Settings (Google AI Studio issues them free).',
    );
  }
  const client = createGeminiClient(apiKey, opts.baseUrl);
  let found: Awaited<ReturnType<typeof client.models.get>>;
  try {
    found = await client.models.get({ model, config: opts.signal ? { abortSignal: opts.signal } : {} });
  } catch (err) {
    if (opts.signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
    const f = classifyError(err);
    switch (f.kind) {
      case 'invalid-key':
        throw new AppError('invalid-key', f.message);
      case 'model-not-found':
        throw new AppError('not-found', modelNotFoundMessage(model));
      case 'network':
        throw new AppError('network', 'Cannot reach Gemini: check the internet connection and try again.');
      default:
        throw new AppError('network', `Gemini is not answering properly right now: ${f.message}`);
    }
  }
  const actions = found.supportedActions;
  if (actions && actions.length > 0 && !actions.includes('generateContent')) {
    throw new AppError(
      'not-found',
      `The model "${model}" cannot write captions (it does not support generateContent).`,
    );
  }
}

export function modelNotFoundMessage(model: string): string {
  return `Gemini has no model "${model}" for this API key. Choose another model in the dataset settings.`;
}
