import { describe, expect, it } from 'vitest';
import { estimateT5Tokens } from './token-count';

/**
 * The T5 estimate against the only real T5 counts available here: the ids Hugging Face's T5 tokenizer tests
 * publish for t5-base, whose SentencePiece vocabulary t5-v1_1-xxl (FLUX's T5) shares. "A long paragraph for
 * summarization." is [71, 307, 8986, 21, 4505, 1635, 1707, 5, 1] (9, end marker included); "Summary of the
 * text." is [20698, 13, 8, 1499, 5, 1] (6).
 */
describe('estimateT5Tokens', () => {
  it('is within one token of the real count on the published sentences', () => {
    expect(estimateT5Tokens('A long paragraph for summarization.').tokens).toBe(10); // real: 9
    expect(estimateT5Tokens('Summary of the text.').tokens).toBe(6); // real: 6
  });

  it('says it is an estimate and marks where 512 tokens end', () => {
    const words = Array.from({ length: 600 }, () => 'hall').join(' ');
    const count = estimateT5Tokens(words);
    expect(count).toMatchObject({ tokens: 601, limit: 512, estimated: true });
    expect(count.cutAt).toBe(511 * 5); // 511 words and the end marker fit
  });
});
