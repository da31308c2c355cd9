import type { GoogleGenAI } from '@google/genai';
import { AppError } from '../../../shared/errors';
import { classifyGeminiError } from './classify';

/**
 * Checks that the key works and `model` exists with one models.get call: no tokens spent, no quota used for
 * generation. Throws AppError 'invalid-key' | 'not-found' | 'network' | 'cancelled' with a plain message that
 * never includes the key.
 */
export async function checkGemini(client: GoogleGenAI, model: string, signal?: AbortSignal): Promise<void> {
  let found: Awaited<ReturnType<typeof client.models.get>>;
  try {
    found = await client.models.get({ model, config: signal ? { abortSignal: signal } : {} });
  } catch (err) {
    if (signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
    const f = classifyGeminiError(err);
    switch (f.kind) {
      case 'invalid-key':
        throw new AppError('invalid-key', f.message);
      case 'model-not-found':
        throw new AppError('not-found', geminiModelNotFound(model));
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

function geminiModelNotFound(model: string): string {
  return `Gemini has no model "${model}" for this API key. Choose another model in the dataset settings.`;
}
