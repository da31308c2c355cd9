import { describe, expect, it } from 'vitest';
import { geminiCatalogue } from '../../../shared/model-list';
import { modelOptionText, priceText, providerName, runWho } from './model-text';

describe('model words', () => {
  it('each Gemini model with its price per 1,000 captions and free daily quota', () => {
    const byId = new Map(geminiCatalogue().map((m) => [m.id, m]));
    const text = (id: string) => {
      const m = byId.get(id);
      if (!m) throw new Error(`${id} is in the catalogue`);
      return modelOptionText(m, false);
    };
    expect(text('gemini-2.5-flash')).toBe('Gemini 2.5 Flash — $0.16 per 1,000 captions · about 20 a day on a free key');
    expect(text('gemma-3-27b-it')).toBe('Gemma 3 27B — free · about 14,400 a day on a free key');
    expect(text('gemini-2.5-pro')).toBe('Gemini 2.5 Pro — $0.66 per 1,000 captions');
  });

  it('a server’s model without a price: free on this computer, "not known" online', () => {
    expect(priceText({ costPerThousand: null }, true)).toBe('free on this computer');
    expect(priceText({ costPerThousand: null }, false)).toBe('price not known');
  });

  it('names who captions: Gemini, a preset server, or any other address', () => {
    expect(providerName({ provider: 'gemini', baseUrl: null })).toBe('Gemini');
    expect(providerName({ provider: 'openai', baseUrl: 'https://openrouter.ai/api/v1' })).toBe('OpenRouter');
    expect(providerName({ provider: 'openai', baseUrl: 'http://10.0.0.5:8000/v1' })).toBe(
      'the server at 10.0.0.5:8000',
    );
    expect(runWho({ provider: 'openai', baseUrl: 'http://127.0.0.1:1234/v1', model: 'm' }, undefined)).toEqual({
      ...{ provider: 'openai', name: 'LM Studio (127.0.0.1:1234)', model: 'm', local: true },
    });
  });
});
