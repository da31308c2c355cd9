import type { GoogleGenAI } from '@google/genai';
import { AppError } from '../../../shared/errors';
import { classifyGeminiError } from './classify';

export interface GeminiModel {
  id: string;
  label: string;
}

/** Models the API lists that cannot caption a photo (embeddings, speech, image or video generation, agents). */
const NOT_FOR_CAPTIONS =
  /embedding|aqa|imagen|veo|tts|image-generation|-image(?:-|$)|native-audio|live|computer-use|robotics|learnlm/iu;

/**
 * The models this key can caption with (`GET /v1beta/models`, no tokens spent): those that support
 * generateContent and take images, in the API's order. Failures become one plain AppError.
 */
export async function listGeminiModels(client: GoogleGenAI, signal?: AbortSignal): Promise<GeminiModel[]> {
  const out: GeminiModel[] = [];
  try {
    const pager = await client.models.list({ config: { pageSize: 100, ...(signal ? { abortSignal: signal } : {}) } });
    for await (const m of pager) {
      const id = (m.name ?? '').replace(/^models\//u, '');
      if (!id || NOT_FOR_CAPTIONS.test(id)) continue;
      if (m.supportedActions && !m.supportedActions.includes('generateContent')) continue;
      out.push({ id, label: m.displayName || id });
    }
  } catch (err) {
    if (signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
    const f = classifyGeminiError(err);
    if (f.kind === 'invalid-key') throw new AppError('invalid-key', f.message);
    throw new AppError('network', `Could not list Gemini's models: ${f.message}`);
  }
  return out;
}
