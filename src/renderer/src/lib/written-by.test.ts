import { describe, expect, it } from 'vitest';
import { makeImage } from '../../../../tests/support/image-entry';
import { writtenByCounts, writtenByOf, writtenByText } from './written-by';

describe('who wrote a caption', () => {
  it('the model (via its server when it came through one), you, or an imported .txt', () => {
    expect(writtenByText(makeImage('a'), null)).toBe('Written by gemini-2.5-flash');
    const local = makeImage('b', { model: 'qwen2.5vl:7b', provider: 'openai' });
    expect(writtenByText(local, 'Ollama (127.0.0.1:11434)')).toBe(
      'Written by qwen2.5vl:7b via Ollama (127.0.0.1:11434)',
    );
    // The dataset has moved to Gemini since: the server's address is not known any more.
    expect(writtenByText(local, null)).toBe('Written by qwen2.5vl:7b via an OpenAI-compatible server');
    expect(writtenByText(makeImage('c', { captionSource: 'user', status: 'edited', model: null }), null)).toBe(
      'Written by you',
    );
    expect(writtenByText(makeImage('d', { captionSource: 'imported', model: null }), null)).toBe(
      'Imported from a .txt file',
    );
    expect(writtenByText(makeImage('e', { caption: null, captionSource: null, status: 'new' }), null)).toBeNull();
  });

  it('a failed recaption keeps the old caption, and so its author', () => {
    const kept = makeImage('a', { status: 'failed', error: 'Gemini timed out.' });
    expect(writtenByOf(kept)).toBe('model:gemini-2.5-flash');
  });

  it('counts authors: models by how many they wrote, then you, then imported', () => {
    const images = [
      makeImage('a', { model: 'gemini-2.5-flash' }),
      makeImage('b', { model: 'gemma-3-27b-it' }),
      makeImage('c', { model: 'gemma-3-27b-it' }),
      makeImage('d', { captionSource: 'imported', model: null }),
      makeImage('e', { captionSource: 'user', model: null }),
    ];
    expect(writtenByCounts(images).map((a) => `${a.label}:${a.count}`)).toEqual([
      'gemma-3-27b-it:2',
      'gemini-2.5-flash:1',
      'You:1',
      'Imported:1',
    ]);
  });
});
