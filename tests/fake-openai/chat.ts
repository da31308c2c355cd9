import { tokenCount } from '../fake-gemini/captions';
import { sha256 } from '../support/hash';
import { writeAnswer } from './answers';
import { type Flavour, type HttpReply, reasoningParameterError, type ServedModel } from './flavours';
import { decodeImage } from './image';
import type { Fault, FaultRequest, ImageInfo, Outcome, RequestLog } from './options';
import { type ChatRequest, parseChat } from './request';

/**
 * POST /v1/chat/completions, in the order real servers check things: the body, the model, the parameters, the
 * images, vision, the context window; then injected faults, the latency, and the answer.
 */

/** Tokens a chat template adds around the messages (role markers, the assistant turn). */
const TEMPLATE_TOKENS = 12;

export interface ChatContext {
  flavour: Flavour;
  models: readonly ServedModel[];
  entry: RequestLog;
  raw: string;
  noise: boolean;
  retryAfterSeconds: number;
  /** How many requests so far carried each image (by sha256), for `attempt`. */
  attempts: Map<string, number>;
  pickFault(req: FaultRequest): Fault | undefined;
  reply(outcome: Outcome, reply: HttpReply): void;
  drop(): void;
  /** Waits the configured latency. */
  wait(): Promise<void>;
}

type Step<T> = { ok: true; value: T } | { ok: false; outcome: Outcome; reply: HttpReply };

function findModel(ctx: ChatContext, requested: string): Step<ServedModel> {
  const found = ctx.models.find((m) => m.id === requested) ?? ctx.flavour.unknownModel(requested, ctx.models);
  return 'status' in found ? { ok: false, outcome: 'not-found', reply: found } : { ok: true, value: found };
}

async function decodeImages(ctx: ChatContext, req: ChatRequest): Promise<Step<ImageInfo[]>> {
  const infos: ImageInfo[] = [];
  for (const part of req.images) {
    const decoded = await decodeImage(part.url, ctx.flavour.acceptsImageType);
    if (!decoded.ok) return { ok: false, outcome: 'bad-image', reply: ctx.flavour.invalidImage(decoded.problem) };
    infos.push(decoded.info);
  }
  return { ok: true, value: infos };
}

function logRequest(entry: RequestLog, req: ChatRequest) {
  entry.model = req.model;
  entry.imagePartPresent = req.images.length > 0;
  entry.maxTokens = req.maxTokens;
  entry.maxCompletionTokens = req.maxCompletionTokens;
  entry.temperature = req.temperature;
}

export async function handleChat(ctx: ChatContext): Promise<void> {
  const { flavour, entry } = ctx;
  const parsed = parseChat(ctx.raw);
  if (!parsed.ok) return ctx.reply('bad-request', flavour.badRequest(parsed.message));
  const req = parsed.request;
  logRequest(entry, req);
  if (req.stream) return ctx.reply('bad-request', flavour.badRequest('The fake server does not stream.'));
  const model = findModel(ctx, req.model);
  if (!model.ok) return ctx.reply(model.outcome, model.reply);
  const { id, vision, contextTokens, thinking, refuses } = model.value;
  const paramsError = model.value.reasoningParameters ? reasoningParameterError(req) : null;
  if (paramsError) return ctx.reply('unsupported-parameter', paramsError);

  const images = await decodeImages(ctx, req);
  if (!images.ok) return ctx.reply(images.outcome, images.reply);
  const [first] = images.value;
  entry.image = first ?? null;
  if (first) {
    entry.attempt = (ctx.attempts.get(first.sha256) ?? 0) + 1;
    ctx.attempts.set(first.sha256, entry.attempt);
  }
  const firstPart = req.images[0];
  if (firstPart && vision === 'error') return ctx.reply('no-vision', flavour.noVision(id, firstPart.at));

  // A blind model's server drops the image, so only a seeing model pays for its pixels.
  const imageTokens = vision === 'sees' ? images.value.reduce((sum, i) => sum + i.tokens, 0) : 0;
  const textTokens = tokenCount(req.prompt) + TEMPLATE_TOKENS;
  const budget = flavour.readsMaxCompletionTokens ? (req.maxCompletionTokens ?? req.maxTokens) : req.maxTokens;
  entry.promptTokens = textTokens + imageTokens;
  const overflow = { model: id, textTokens, imageTokens, maxTokens: budget, contextTokens };
  if (!flavour.fits(overflow)) return ctx.reply('context-overflow', flavour.contextOverflow(overflow));

  const fault = ctx.pickFault({
    model: id,
    imageKey: first?.sha256 ?? null,
    attempt: entry.attempt,
    index: entry.index,
  });
  // Rate limits are refused before any model work, so without the latency.
  if (fault === '429') return ctx.reply('rate-limit', flavour.rateLimited(id, ctx.retryAfterSeconds));
  await ctx.wait();
  if (fault === '503') return ctx.reply('overloaded', flavour.overloaded());
  if (fault === '500') return ctx.reply('internal', flavour.internal());
  if (fault === 'drop') return ctx.drop();

  const blind = first && (vision === 'blind-apology' || vision === 'blind-generic') ? vision : null;
  const kind = fault === 'refusal' || refuses ? 'refusal' : (blind ?? 'caption');
  const key = first?.sha256 ?? sha256(Buffer.from(req.prompt));
  const written = writeAnswer({ kind, key, prompt: req.prompt, noise: ctx.noise, thinking, budget });
  entry.text = written.content;
  const outcome: Outcome =
    written.finishReason === 'length' ? 'length' : kind === 'caption' ? 'ok' : kind === 'refusal' ? 'refusal' : 'blind';
  const body = flavour.completion({ model: id, promptTokens: entry.promptTokens, ...written });
  ctx.reply(outcome, { status: 200, body });
}
