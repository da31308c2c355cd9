import type { ListedModel } from './contract';
import { costPerThousand, GEMINI_MODELS, modelInfo, type ProviderName } from './models';

/**
 * A model as the pickers show it: the catalogue's label, prices and free quota for the models it knows, the
 * API's own name otherwise. One rule for the models a key or server lists (core) and for the catalogue shown
 * before a key exists (the UI).
 */
export function listedModel(id: string, label: string, provider: ProviderName, vision: boolean | null): ListedModel {
  const info = modelInfo(id, provider);
  return {
    ...{ id, label: info.known ? info.label : label, vision, known: info.known },
    costPerThousand: costPerThousand(id, provider),
    batchCostPerThousand: provider === 'gemini' ? costPerThousand(id, provider, true) : null,
    freeRequestsPerDay: info.freeRequestsPerDay,
  };
}

/** The Gemini models Caption Studio knows, for when the key's own list cannot be read (no key yet, offline). */
export function geminiCatalogue(): ListedModel[] {
  return GEMINI_MODELS.map((m) => listedModel(m.id, m.label, 'gemini', null));
}
