import * as E from './errors';
import type { Fault } from './faults';
import type { Outcome } from './log';
import type { FakeGeminiOptions } from './options';
import { perModel } from './quota';
import {
  type FileLookup,
  type ParsedRequest,
  type ParseFailure,
  parseGenerateContent,
  parseGenerateContentBody,
} from './request';
import { answer, promptBlock, safetyBlock, thinkingTokensFor } from './responses';

/**
 * The fake model behind generateContent and batch lines alike: it validates a request, counts attempts per image
 * and answers (or fails with the fault it is dealt), so an image gets the same caption by either road.
 */

/** An error answer. `immediate` ones come back before any model work (no latency), like the real API's. */
export interface Refusal {
  kind: 'error';
  outcome: Outcome;
  error: E.RpcError;
  immediate: boolean;
}

export type Reply =
  | { kind: 'answer'; outcome: 'ok' | 'max-tokens' | 'safety' | 'prompt-block'; body: unknown; text: string | null }
  | Refusal
  | { kind: 'drop' };

export interface Accepted {
  request: ParsedRequest;
  imageKey: string | null;
  /** nth request for this image (1-based; 0 without an image). */
  attempt: number;
}

const immediate = (outcome: Outcome, error: E.RpcError): Refusal => ({
  kind: 'error',
  outcome,
  error,
  immediate: true,
});
const afterWork = (outcome: Outcome, error: E.RpcError): Refusal => ({
  kind: 'error',
  outcome,
  error,
  immediate: false,
});

function refusal(f: ParseFailure): Refusal {
  switch (f.reason) {
    case 'bad-image':
      return afterWork('bad-image', E.unableToProcessImage());
    case 'missing-file':
      return immediate('not-found', E.fileNotAccessible(f.fileId));
    default:
      return immediate('bad-request', E.badRequest(f.message));
  }
}

export class FakeModel {
  private readonly attempts = new Map<string, number>();

  constructor(
    private readonly options: () => FakeGeminiOptions,
    private readonly files: FileLookup,
  ) {}

  /** Validates a request (a raw generateContent body, or a batch line's parsed request); counts its attempt. */
  accept(body: string | object): Accepted | Refusal {
    const parsed =
      typeof body === 'string' ? parseGenerateContent(body, this.files) : parseGenerateContentBody(body, this.files);
    if (!parsed.ok) return refusal(parsed);
    const imageKey = parsed.request.image?.sha256 ?? null;
    const attempt = imageKey ? (this.attempts.get(imageKey) ?? 0) + 1 : 0;
    if (imageKey) this.attempts.set(imageKey, attempt);
    return { request: parsed.request, imageKey, attempt };
  }

  /** Thinking tokens the model will spend on a request, or the refusal of a budget it cannot work with. */
  thoughts(model: string, req: ParsedRequest): number | Refusal {
    // Gemma on the Gemini API takes no thinking settings at all; only Gemini 3 knows thinking levels.
    if (model.startsWith('gemma-') && (req.thinkingBudget !== undefined || req.thinkingLevel !== undefined)) {
      return immediate('bad-request', E.badRequest(`Thinking is not enabled for models/${model}`));
    }
    if (req.thinkingLevel !== undefined && !model.startsWith('gemini-3')) {
      return immediate('bad-request', E.badRequest('Thinking level is not supported for this model.'));
    }
    if (req.thinkingLevel !== undefined)
      return req.thinkingLevel === 'MINIMAL' ? 0 : (this.options().thinkingTokens ?? 300);
    const spent = thinkingTokensFor(model, req.thinkingBudget, this.options().thinkingTokens ?? 300);
    return spent === 'invalid' ? immediate('thinking-required', E.thinkingRequired()) : spent;
  }

  /** The model's answer, or the failure `fault` stands for. */
  reply(model: string, req: ParsedRequest, thoughts: number, fault: Fault | undefined): Reply {
    const opts = this.options();
    switch (fault) {
      case '429': {
        // Quota errors come back at once, before any model work, like the real API's.
        const limit = perModel(opts.rpm, model) ?? 10;
        return immediate('rate-limit', E.quotaExceeded(model, 'minute', limit, opts.faultRetryDelaySeconds ?? 1));
      }
      case '503':
        return afterWork('overloaded', E.overloaded());
      case '500':
        return afterWork('internal', E.internal());
      case 'bad-image':
        return afterWork('bad-image', E.unableToProcessImage());
      case 'drop':
        return { kind: 'drop' };
      case 'safety':
        return { kind: 'answer', outcome: 'safety', body: safetyBlock(model, req), text: null };
      case 'prompt-block':
        return { kind: 'answer', outcome: 'prompt-block', body: promptBlock(model, req), text: null };
      default: {
        const a = answer(model, req, thoughts, opts.noise ?? true, fault === 'max-tokens');
        const finish = a.body.candidates[0]?.finishReason;
        return { kind: 'answer', outcome: finish === 'STOP' ? 'ok' : 'max-tokens', body: a.body, text: a.text };
      }
    }
  }
}
