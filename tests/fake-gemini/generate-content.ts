import { setTimeout as delay } from 'node:timers/promises';
import type { RouteHandler } from './context';
import * as E from './errors';
import type { Reply } from './generation';
import { type Exchange, fail, reply } from './http';
import { perModel } from './quota';

/**
 * POST /v1beta/models/{model}:generateContent: validation, thinking budgets, quotas, then the fault the request
 * meets, with the latency of real model work on every answer that took some.
 */

async function send(ex: Exchange, answer: Reply, latency: () => number): Promise<void> {
  if (answer.kind === 'drop') {
    await delay(latency() / 2);
    ex.entry.outcome = 'drop';
    ex.entry.respondedAt = Date.now();
    ex.res.socket?.destroy();
    return;
  }
  if (answer.kind === 'answer') {
    ex.entry.text = answer.text;
    await delay(latency());
    return reply(ex, 200, answer.outcome, answer.body);
  }
  if (!answer.immediate) await delay(latency());
  fail(ex, answer.outcome, answer.error);
}

export const generateContent: RouteHandler = async (ex, ctx, [apiVersion = 'v1beta', model = '']) => {
  const { entry } = ex;
  entry.model = model;
  const answer = (r: Reply) => send(ex, r, () => ctx.latency());
  if (!ctx.models().includes(model)) return fail(ex, 'not-found', E.modelNotFound(model, apiVersion));
  const accepted = ctx.model.accept(ex.body.toString('utf8'));
  if ('kind' in accepted) return answer(accepted);
  const { request } = accepted;
  entry.image = request.image;
  entry.imageKey = accepted.imageKey;
  entry.attempt = accepted.attempt;
  entry.maxOutputTokens = request.maxOutputTokens ?? null;
  entry.thinkingBudget = request.thinkingBudget ?? null;
  entry.thinkingLevel = request.thinkingLevel ?? null;
  const thoughts = ctx.model.thoughts(model, request);
  if (typeof thoughts !== 'number') return answer(thoughts);

  const opts = ctx.options();
  const verdict = ctx.quota(model).check(Date.now(), perModel(opts.rpm, model), perModel(opts.dailyQuota, model));
  if (!verdict.ok) {
    const e = E.quotaExceeded(model, verdict.window, verdict.limit, verdict.retryDelaySeconds);
    return fail(ex, verdict.window === 'minute' ? 'rate-limit' : 'daily-quota', e);
  }
  const fault = ctx.fault({ model, imageKey: entry.imageKey, attempt: entry.attempt, index: entry.index });
  return answer(ctx.model.reply(model, request, thoughts, fault));
};
