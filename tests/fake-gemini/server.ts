import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import * as E from './errors';
import { type Fault, type FaultRequest, randomTransientFaults, seededRandom } from './faults';
import { ModelQuota, perModel } from './quota';
import { type ParsedRequest, parseGenerateContent } from './request';
import { answer, modelResource, promptBlock, safetyBlock, thinkingTokensFor } from './responses';

/**
 * A protocol-faithful local stand-in for the Gemini API (generateContent, models.list, models.get) on
 * 127.0.0.1 and a random port, so the real @google/genai client can be tested against quotas, faults, thinking
 * budgets and blocks without a network or a key. Every request is logged for assertions.
 */

export const FAKE_API_KEY = 'AIzaFakeKeyForCaptionStudioTests0123456';

const FAKE_MODELS: readonly string[] = [
  'gemma-3-27b-it',
  'text-embedding-004',
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
  'gemini-2.5-pro',
  'gemini-2.5-flash-preview-09-2025',
  'gemini-3-flash-preview',
];

export interface FakeGeminiOptions {
  /** Port to listen on (default 0: a random free port). */
  port?: number;
  /** Delay before every generateContent answer (default 0), plus or minus up to `jitterMs`. */
  latencyMs?: number;
  jitterMs?: number;
  /** Requests per minute per model over a sliding 60 s window; one number for all models or a map. */
  rpm?: number | Readonly<Record<string, number>>;
  /** Requests per day per model. */
  dailyQuota?: number | Readonly<Record<string, number>>;
  models?: readonly string[];
  /** Decides a fault for a request (checked after quotas); undefined lets it through. */
  fault?: (req: FaultRequest) => Fault | undefined;
  /** Built-in seeded random transient faults (429/503/500/drop) for about this share of requests. */
  failRate?: number;
  seed?: number;
  /** retryDelay in the RetryInfo of an injected 429 (default 1 s). */
  faultRetryDelaySeconds?: number;
  /** Thinking tokens a thinking model spends per answer (default 300). */
  thinkingTokens?: number;
  /** Wrap answers in realistic noise (preambles, quotes, markdown); default true. */
  noise?: boolean;
}

type Outcome =
  | 'ok'
  | 'max-tokens'
  | 'safety'
  | 'prompt-block'
  | 'rate-limit'
  | 'daily-quota'
  | 'overloaded'
  | 'internal'
  | 'drop'
  | 'bad-image'
  | 'bad-request'
  | 'thinking-required'
  | 'no-key'
  | 'invalid-key'
  | 'not-found';

export interface RequestLog {
  index: number;
  /** Arrival time (ms since epoch) and when the answer was sent (or the socket dropped). */
  time: number;
  respondedAt: number;
  method: string;
  path: string;
  kind: 'generateContent' | 'models.list' | 'models.get' | 'other';
  model: string | null;
  status: number;
  outcome: Outcome;
  /** sha256 of the inline image bytes: which image this request was for. */
  imageKey: string | null;
  image: ParsedRequest['image'];
  /** nth request for this image (1-based). */
  attempt: number;
  maxOutputTokens: number | null;
  thinkingBudget: number | null;
  /** Answer text sent back (before any client-side normalisation). */
  text: string | null;
  /** The client went away before the answer was sent (aborted request). */
  clientAborted: boolean;
}

export interface FakeGemini {
  url: string;
  requests: RequestLog[];
  setBehaviour(patch: Partial<FakeGeminiOptions>): void;
  close(): Promise<void>;
}

const ROUTE = /^\/(v1beta|v1)\/models(?:\/([^/:]+))?(?::([A-Za-z]+))?$/u;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

export async function startFakeGemini(initial: FakeGeminiOptions = {}): Promise<FakeGemini> {
  let opts: FakeGeminiOptions = { ...initial };
  let builtInFaults = opts.failRate ? randomTransientFaults(opts.failRate, opts.seed ?? 1) : undefined;
  let jitterRandom = seededRandom((opts.seed ?? 1) + 7);
  const requests: RequestLog[] = [];
  const quotas = new Map<string, ModelQuota>();
  const attempts = new Map<string, number>();

  const latency = () => {
    const base = opts.latencyMs ?? 0;
    const jitter = opts.jitterMs ?? 0;
    return Math.max(0, base + (jitterRandom() * 2 - 1) * jitter);
  };

  async function generate(entry: RequestLog, model: string, apiVersion: string, raw: string, res: ServerResponse) {
    const reply = async (status: number, outcome: Outcome, body: unknown, wait = true) => {
      if (wait) await delay(latency());
      entry.status = status;
      entry.outcome = outcome;
      entry.respondedAt = Date.now();
      send(res, status, body);
    };
    const fail = (outcome: Outcome, e: E.RpcError, wait = true) => reply(e.httpStatus, outcome, e.body, wait);
    if (!(opts.models ?? FAKE_MODELS).includes(model))
      return fail('not-found', E.modelNotFound(model, apiVersion), false);
    const parsed = parseGenerateContent(raw);
    if (!parsed.ok) {
      return parsed.badImage
        ? fail('bad-image', E.unableToProcessImage())
        : fail('bad-request', E.badRequest(parsed.message), false);
    }
    const req = parsed.request;
    entry.image = req.image;
    entry.imageKey = req.image?.sha256 ?? null;
    entry.maxOutputTokens = req.maxOutputTokens ?? null;
    entry.thinkingBudget = req.thinkingBudget ?? null;
    if (entry.imageKey) {
      entry.attempt = (attempts.get(entry.imageKey) ?? 0) + 1;
      attempts.set(entry.imageKey, entry.attempt);
    }
    const thoughts = thinkingTokensFor(model, req.thinkingBudget, opts.thinkingTokens ?? 300);
    if (thoughts === 'invalid') return fail('thinking-required', E.thinkingRequired(), false);

    const quota = quotas.get(model) ?? new ModelQuota();
    quotas.set(model, quota);
    const verdict = quota.check(Date.now(), perModel(opts.rpm, model), perModel(opts.dailyQuota, model));
    if (!verdict.ok) {
      const e = E.quotaExceeded(model, verdict.window, verdict.limit, verdict.retryDelaySeconds);
      return fail(verdict.window === 'minute' ? 'rate-limit' : 'daily-quota', e, false);
    }

    const faultReq: FaultRequest = { model, imageKey: entry.imageKey, attempt: entry.attempt, index: entry.index };
    const fault = opts.fault?.(faultReq) ?? builtInFaults?.(faultReq);
    switch (fault) {
      case '429': {
        // Quota errors come back at once, before any model work, like the real API's.
        const e = E.quotaExceeded(model, 'minute', perModel(opts.rpm, model) ?? 10, opts.faultRetryDelaySeconds ?? 1);
        return fail('rate-limit', e, false);
      }
      case '503':
        return fail('overloaded', E.overloaded());
      case '500':
        return fail('internal', E.internal());
      case 'bad-image':
        return fail('bad-image', E.unableToProcessImage());
      case 'drop':
        await delay(latency() / 2);
        entry.outcome = 'drop';
        entry.respondedAt = Date.now();
        res.socket?.destroy();
        return;
      case 'safety':
        return reply(200, 'safety', safetyBlock(model, req));
      case 'prompt-block':
        return reply(200, 'prompt-block', promptBlock(model, req));
      default: {
        const a = answer(model, req, thoughts, opts.noise ?? true, fault === 'max-tokens');
        entry.text = a.text;
        const finish = a.body.candidates[0]?.finishReason;
        return reply(200, finish === 'STOP' ? 'ok' : 'max-tokens', a.body);
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const arrived = Date.now();
    const raw = await readBody(req);
    const entry: RequestLog = {
      index: requests.length,
      time: arrived,
      respondedAt: 0,
      method: req.method ?? 'GET',
      path: url.pathname,
      kind: 'other',
      model: null,
      status: 0,
      outcome: 'bad-request',
      imageKey: null,
      image: null,
      attempt: 0,
      maxOutputTokens: null,
      thinkingBudget: null,
      text: null,
      clientAborted: false,
    };
    requests.push(entry);
    res.on('close', () => {
      if (!res.writableFinished && entry.outcome !== 'drop') entry.clientAborted = true;
    });
    const done = (status: number, outcome: Outcome, body: unknown) => {
      entry.status = status;
      entry.outcome = outcome;
      entry.respondedAt = Date.now();
      send(res, status, body);
    };
    const m = ROUTE.exec(url.pathname);
    const [, apiVersion = 'v1beta', model, action] = m ?? [];
    entry.model = model ?? null;
    if (m && req.method === 'GET') entry.kind = model && !action ? 'models.get' : !model ? 'models.list' : 'other';
    if (m && req.method === 'POST' && model && action === 'generateContent') entry.kind = 'generateContent';

    const key = req.headers['x-goog-api-key'] ?? url.searchParams.get('key');
    if (!key) return done(403, 'no-key', E.noKey().body);
    if (key !== FAKE_API_KEY) return done(400, 'invalid-key', E.invalidKey().body);

    const known = (opts.models ?? FAKE_MODELS).includes(model ?? '');
    if (entry.kind === 'models.list')
      return done(200, 'ok', { models: (opts.models ?? FAKE_MODELS).map(modelResource) });
    if (entry.kind === 'models.get' && model) {
      if (known) return done(200, 'ok', modelResource(model));
      const e = E.modelNotFound(model, apiVersion);
      return done(e.httpStatus, 'not-found', e.body);
    }
    if (entry.kind === 'generateContent' && model) return generate(entry, model, apiVersion, raw, res);
    done(404, 'not-found', { error: { code: 404, message: `Unknown path ${url.pathname}`, status: 'NOT_FOUND' } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) =>
      send(res, 500, { error: { code: 500, message: String(err), status: 'INTERNAL' } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setBehaviour(patch) {
      opts = { ...opts, ...patch };
      if ('failRate' in patch || 'seed' in patch) {
        builtInFaults = opts.failRate ? randomTransientFaults(opts.failRate, opts.seed ?? 1) : undefined;
        jitterRandom = seededRandom((opts.seed ?? 1) + 7);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
