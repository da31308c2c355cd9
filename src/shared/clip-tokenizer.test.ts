import { describe, expect, it } from 'vitest';
import { clipTokenIds, countClipTokens } from './clip-tokenizer';

/**
 * Reference ids from OpenAI's CLIP tokenizer (`clip.tokenize`, Hugging Face's CLIPTokenizer for
 * openai/clip-vit-large-patch14), start/end markers (49406/49407) left off.
 */
describe('CLIP tokenizer', () => {
  it('gives the reference ids', () => {
    expect(clipTokenIds('a photo of a cat')).toEqual([320, 1125, 539, 320, 2368]);
    expect(clipTokenIds('a diagram')).toEqual([320, 22697]);
    expect(clipTokenIds('a dog')).toEqual([320, 1929]);
    expect(clipTokenIds('Hello world!')).toEqual([3306, 1002, 256]);
  });

  it('encodes non-Latin text as UTF-8 bytes (never an unknown token)', () => {
    const ids = clipTokenIds('東京 café');
    expect(ids.length).toBeGreaterThan(2);
    expect(ids.every((id) => id > 0 && id < 49406)).toBe(true);
  });

  it('counts the markers and marks where the 77-token window ends', () => {
    expect(countClipTokens('a photo of a cat')).toEqual({ tokens: 7, limit: 77, cutAt: null, estimated: false });
    const words = Array.from({ length: 80 }, (_, i) => `w${i % 10}`).join(' ');
    // "w0" is two tokens ("w", "0"): 75 text tokens fit, so the window ends after the "w" of the 38th word.
    const count = countClipTokens(words);
    expect(count.tokens).toBe(162);
    expect(count.cutAt).toBe(words.split(' ').slice(0, 37).join(' ').length + 2);
  });
});
