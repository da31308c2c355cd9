import { describe, expect, it } from 'vitest';
import { clipTokenIds, countClipTokens } from './clip-tokenizer';

/**
 * Reference ids of OpenAI's CLIP tokenizer (`clip.tokenize`; Hugging Face's CLIPTokenizer), as independent CLIP
 * ports publish them in their own tests; the start/end markers (49406/49407) left off.
 */
describe('CLIP tokenizer', () => {
  it.each([
    ['a photo of a cat', [320, 1125, 539, 320, 2368]],
    ['a photo of a car!', [320, 1125, 539, 320, 1615, 256]],
    ['Hello world!', [3306, 1002, 256]],
    ['hello world?', [3306, 1002, 286]],
    ['Hello World 123', [3306, 1002, 272, 273, 274]],
    ['sunset over the beach', [3424, 962, 518, 2117]],
    ['a cat & a dog', [320, 2368, 261, 320, 1929]],
    ['café', [15304]],
    ['cafe\u0301', [15304]],
  ])('gives the reference ids for %j', (text, ids) => {
    expect(clipTokenIds(text)).toEqual(ids);
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
