import type { ListedModel } from '../../../shared/contract';
import type { DatasetSettings, ProviderName } from '../../../shared/dataset';
import { modelInfo } from '../../../shared/models';
import { isLocalServer, serverName } from '../../../shared/servers';
import { formatCost } from './format';

/** Who captions, as messages name it: "Gemini", or the server ("Ollama (127.0.0.1:11434)", "the server at …"). */
export function providerName(s: Pick<DatasetSettings, 'provider' | 'baseUrl'>): string {
  return s.provider === 'openai' && s.baseUrl ? serverName(s.baseUrl) : 'Gemini';
}

/** Who a run talked to, for its messages: "Gemini" or the server's name, and the model it was using. */
export interface RunWho {
  provider: ProviderName;
  /** "Gemini", "Ollama (127.0.0.1:11434)", "the server at 10.0.0.5:8000". */
  name: string;
  model: string;
  /** A server on this computer: its unpriced captions cost nothing. */
  local: boolean;
}

/** Who a run of these settings talks to (`model`: the one the run reports using, else the settings' first). */
export function runWho(
  s: Pick<DatasetSettings, 'provider' | 'baseUrl' | 'model'> | undefined,
  model: string | undefined,
): RunWho {
  const provider = s?.provider ?? 'gemini';
  const local = provider === 'openai' && s?.baseUrl != null && isLocalServer(s.baseUrl);
  return { provider, name: s ? providerName(s) : 'Gemini', model: model ?? s?.model ?? '', local };
}

/** The same at the start of a sentence ("The server at 10.0.0.5:8000 refused…"). */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A model's name in sentences: the catalogue's label ("Gemini 2.5 Flash"), or the id the server uses. */
export function modelLabel(id: string, provider: ProviderName = 'gemini'): string {
  return modelInfo(id, provider).label;
}

/**
 * What 1,000 captions cost on a model, in words: a price, "free", or, for a server's model without a known
 * price, free when the server runs on this computer and "price not known" when it is a remote service.
 */
export function priceText(m: Pick<ListedModel, 'costPerThousand'>, local: boolean): string {
  if (m.costPerThousand === null) return local ? 'free on this computer' : 'price not known';
  if (m.costPerThousand === 0) return 'free';
  return `${formatCost(m.costPerThousand)} per 1,000 captions`;
}

/** A free key's daily allowance, when the catalogue knows it. */
function freeQuotaText(m: Pick<ListedModel, 'freeRequestsPerDay'>): string | null {
  const n = m.freeRequestsPerDay;
  return n === null ? null : `about ${n.toLocaleString('en-US')} a day on a free key`;
}

/** One line per model in a picker: "Gemini 2.5 Flash — $0.16 per 1,000 captions · about 20 a day on a free key". */
export function modelOptionText(m: ListedModel, local: boolean): string {
  const parts = [priceText(m, local), freeQuotaText(m), m.vision === false ? 'cannot see images' : null];
  return `${m.label} — ${parts.filter((p) => p !== null).join(' · ')}`;
}
