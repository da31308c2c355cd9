import type { ListedModel } from '../../../shared/contract';
import { capitalised } from './model-text';

export interface Verdict {
  tone: 'ok' | 'warn' | 'error';
  text: string;
}

/**
 * What "Test" found at a server, in one or two sentences: that it answers, how many models it offers, and
 * whether the chosen one is there and sees images (as far as the server says: most do not, and a model that
 * cannot will stop the run at its first image with a clear message).
 */
export function serverVerdict(server: string, models: readonly ListedModel[], chosen: string): Verdict {
  const who = capitalised(server);
  if (models.length === 0) {
    return { tone: 'warn', text: `${who} answers but offers no models: load or download a vision model there first.` };
  }
  const count = `${who} answers and offers ${models.length.toLocaleString('en-US')} ${models.length === 1 ? 'model' : 'models'}`;
  const model = chosen.trim();
  if (model === '') return { tone: 'ok', text: `${count}. Choose one below.` };
  const found = models.find((m) => m.id === model);
  if (!found) return { tone: 'warn', text: `${count}, but not “${model}”. Choose one of its models below.` };
  if (found.vision === false) {
    return { tone: 'warn', text: `${count}. It says “${model}” cannot see images: choose a vision model.` };
  }
  if (found.vision === true) return { tone: 'ok', text: `${count}, including “${model}”, which sees images.` };
  return {
    tone: 'ok',
    text: `${count}, including “${model}”. The server does not say whether it sees images; the first caption will.`,
  };
}
