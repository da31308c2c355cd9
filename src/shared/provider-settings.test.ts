import { describe, expect, it } from 'vitest';
import type { DatasetSettings } from './dataset';
import { withProvider } from './provider-settings';

const gemini: DatasetSettings = {
  ...{ provider: 'gemini', baseUrl: null, model: 'gemini-2.5-flash', fallbackModels: ['gemini-2.5-flash-lite'] },
  ...{ prompt: 'Describe {trigger}', concurrency: 4, rpm: 10, downscale: 1536 },
};

describe('withProvider', () => {
  it('gives a local server two requests at a time, no rate limit and no Gemini fallbacks', () => {
    const s = withProvider(gemini, 'openai', 'http://127.0.0.1:11434/v1/');
    expect(s).toMatchObject({ provider: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', concurrency: 2, rpm: null });
    expect(s.fallbackModels).toEqual([]);
    expect(s).toMatchObject({ prompt: gemini.prompt, downscale: 1536 });
  });

  it('gives a remote server a conservative rate limit', () => {
    expect(withProvider(gemini, 'openai', 'https://openrouter.ai/api/v1')).toMatchObject({ concurrency: 4, rpm: 60 });
  });

  it('brings back the Gemini defaults when switching back, and changes nothing when nothing changes', () => {
    const server = withProvider(gemini, 'openai', 'http://localhost:1234/v1');
    const back = withProvider({ ...server, model: 'qwen2.5-vl' }, 'gemini');
    expect(back).toMatchObject({ provider: 'gemini', baseUrl: null, model: 'gemini-2.5-flash', rpm: 10 });
    expect(back.fallbackModels.at(-1)).toBe('gemma-3-27b-it');
    expect(withProvider(gemini, 'gemini')).toBe(gemini);
    expect(withProvider(server, 'openai', 'http://localhost:1234/v1')).toBe(server);
  });
});
