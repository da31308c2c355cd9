import type { GenerateContentResponse, InlinedRequest } from '@google/genai';
import { captionFromCutOff } from '../cut-off';
import { firstSentence } from '../network-errors';
import type { Tokens } from '../provider';
import type { CaptionOutcome } from '../run-context';
import { captionContents, generationConfig, type ImagePart, interpret } from './caption';

/**
 * One image's line in a Gemini batch, both ways: the request (exactly what a normal caption request asks: the same
 * contents and the same generationConfig, keyed by image id) and what its result means for the image (read through
 * the same `interpret` as a normal answer).
 */

/** An inline request, in the SDK's shape (it turns `config` into the REST `generationConfig` itself). */
export function inlineBatchRequest(id: string, model: string, image: ImagePart, prompt: string): InlinedRequest {
  return { contents: captionContents(image, prompt), config: generationConfig(model), metadata: { key: id } };
}

/** A line of a JSONL input file, in the REST shape the service reads (`{"key", "request"}`). */
export function jsonlBatchLine(id: string, model: string, image: ImagePart, prompt: string): string {
  const request = { contents: captionContents(image, prompt), generationConfig: generationConfig(model) };
  return JSON.stringify({ key: id, request });
}

/** A result line: an inlined response or a line of the results file (`{"key", "response"}` or `{"key", "error"}`). */
export interface BatchResultLine {
  response?: unknown;
  error?: unknown;
}

export interface LineOutcome {
  outcome: CaptionOutcome;
  /** Billed tokens (blocked answers are billed too). */
  tokens: Tokens;
}

/** What one result line means for its image; a line the batch could not answer fails with its reason. */
export function batchLineOutcome(id: string, model: string, trigger: string, line: BatchResultLine): LineOutcome {
  if (line.response === undefined || line.response === null) {
    const message = (line.error as { message?: unknown } | undefined)?.message;
    const why = typeof message === 'string' && message ? firstSentence(message) : 'it returned no answer.';
    const error = `The batch could not caption this image: ${why} Caption it again to retry.`;
    return { outcome: { id, status: 'failed', error, model }, tokens: { inputTokens: 0, outputTokens: 0 } };
  }
  const result = interpret(line.response as GenerateContentResponse, trigger);
  const tokens = { inputTokens: result.inputTokens, outputTokens: result.outputTokens };
  const captioned = (caption: string): LineOutcome => ({
    outcome: { id, status: 'captioned', caption, model, ...tokens },
    tokens,
  });
  if (result.kind === 'captioned') return captioned(result.caption);
  if (result.kind === 'truncated') {
    // A batch line cannot be asked again with a larger cap: keep what came back, as a normal run's second try does.
    const partial = result.text ? captionFromCutOff(result.text, trigger) : null;
    if (partial !== null) return captioned(partial);
    const error = 'Gemini used its whole output budget without writing a caption (MAX_TOKENS).';
    return { outcome: { id, status: 'failed', error, model }, tokens };
  }
  const status = result.kind === 'blocked' ? 'blocked' : 'failed';
  return { outcome: { id, status, error: result.reason, model }, tokens };
}
