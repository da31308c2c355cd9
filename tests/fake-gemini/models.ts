import type { RouteHandler } from './context';
import * as E from './errors';
import { fail, reply } from './http';
import { modelResource } from './responses';

/** models.list and models.get: the cheap calls a client makes to check a key or a model. */

export const FAKE_MODELS: readonly string[] = [
  'gemma-3-27b-it',
  'text-embedding-004',
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
  'gemini-2.5-pro',
  'gemini-2.5-flash-preview-09-2025',
  'gemini-3-flash-preview',
];

export const listModels: RouteHandler = (ex, ctx) => reply(ex, 200, 'ok', { models: ctx.models().map(modelResource) });

export const getModel: RouteHandler = (ex, ctx, [apiVersion = 'v1beta', model = '']) => {
  ex.entry.model = model;
  if (ctx.models().includes(model)) return reply(ex, 200, 'ok', modelResource(model));
  fail(ex, 'not-found', E.modelNotFound(model, apiVersion));
};
