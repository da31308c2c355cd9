import { describe, expect, it } from 'vitest';
import { batchLineOutcome } from './batch-lines';

/**
 * A batch's results arrive as plain objects (an inlined response, or a JSON line of the results file), without the
 * SDK's `.text` getter: each must be read exactly as a normal answer is, and a line without one must say why.
 */

const response = (parts: object[], finishReason = 'STOP', extra: object = {}) => ({
  candidates: [{ content: { role: 'model', parts }, finishReason }],
  usageMetadata: { promptTokenCount: 290, candidatesTokenCount: 20, thoughtsTokenCount: 5 },
  ...extra,
});

describe('batchLineOutcome', () => {
  it('normalises an answer like a normal run, thoughts left out, thinking billed as output', () => {
    const line = { response: response([{ text: 'hmm', thought: true }, { text: 'Photo of TOK: a red door.' }]) };
    expect(batchLineOutcome('a', 'gemini-2.5-flash', 'TOK', line)).toEqual({
      outcome: {
        id: 'a',
        status: 'captioned',
        caption: 'photo of TOK a red door',
        model: 'gemini-2.5-flash',
        inputTokens: 290,
        outputTokens: 25,
      },
      tokens: { inputTokens: 290, outputTokens: 25 },
    });
  });

  it('keeps what a cut-off answer said (a batch line cannot be asked again), or fails it when nothing is left', () => {
    const cut = batchLineOutcome('a', 'm', 'TOK', {
      response: response([{ text: 'a red door in a white wa' }], 'MAX_TOKENS'),
    });
    expect(cut.outcome).toMatchObject({ status: 'captioned', caption: 'photo of TOK a red door in a white' });
    const empty = batchLineOutcome('a', 'm', 'TOK', { response: response([], 'MAX_TOKENS') });
    expect(empty.outcome).toMatchObject({ status: 'failed', error: expect.stringContaining('MAX_TOKENS') });
    expect(empty.tokens.inputTokens).toBe(290);
  });

  it('blocks on a safety finish or a blocked prompt, never making a caption of it', () => {
    const safety = batchLineOutcome('a', 'm', 'TOK', { response: response([], 'SAFETY') });
    expect(safety.outcome).toMatchObject({
      status: 'blocked',
      error: expect.stringMatching(/safety filter \(SAFETY\)/u),
    });
    const prompt = batchLineOutcome('a', 'm', 'TOK', {
      response: { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } },
    });
    expect(prompt.outcome.status).toBe('blocked');
  });

  it('fails a line the batch could not answer with its reason, and one without any', () => {
    const error = { code: 14, message: 'The model is overloaded. Please try again later.' };
    expect(batchLineOutcome('a', 'm', 'TOK', { error }).outcome).toEqual({
      id: 'a',
      status: 'failed',
      error: 'The batch could not caption this image: The model is overloaded. Caption it again to retry.',
      model: 'm',
    });
    expect(batchLineOutcome('a', 'm', 'TOK', {}).outcome).toMatchObject({
      status: 'failed',
      error: 'The batch could not caption this image: it returned no answer. Caption it again to retry.',
    });
  });
});
