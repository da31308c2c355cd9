import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { randomTransientFaults } from '../fake-gemini/faults';
import { handleChat } from './chat';
import { FLAVOURS, type Flavour, type HttpReply } from './flavours';
import type { FakeOpenAi, FakeOpenAiOptions, Fault, FaultRequest, Outcome, RequestLog } from './options';
import { newRequestLog } from './request-log';
import { servedModels } from './served-models';

/**
 * A protocol-faithful local stand-in for an OpenAI-compatible server (Ollama, LM Studio, llama.cpp, vLLM,
 * OpenRouter or OpenAI itself) on 127.0.0.1, so the real `openai` client can be driven through answers,
 * reasoning, vision and context limits and faults without any model. Every request is logged for assertions.
 */

type Route = { kind: RequestLog['kind']; modelId?: string };

function route(method: string, path: string): Route {
  if (method === 'POST' && path === '/v1/chat/completions') return { kind: 'chat' };
  if (method === 'GET' && path === '/v1/models') return { kind: 'models' };
  const one = /^\/v1\/models\/(.+)$/u.exec(path);
  if (method === 'GET' && one?.[1]) return { kind: 'model', modelId: decodeURIComponent(one[1]) };
  return { kind: 'other' };
}

/** The 401 a key-checking server sends, or null when the request may pass. */
function keyProblem(flavour: Flavour, opts: FakeOpenAiOptions, req: IncomingMessage): HttpReply | null {
  if (!flavour.unauthorized || opts.apiKey === undefined) return null;
  const sent = /^Bearer (.*)$/u.exec(req.headers.authorization ?? '')?.[1] ?? null;
  return sent === opts.apiKey ? null : flavour.unauthorized(sent);
}

const builtInFaults = (o: FakeOpenAiOptions) => (o.failRate ? randomTransientFaults(o.failRate, o.seed ?? 1) : null);
const TRANSIENT = new Set<string>(['429', '503', '500', 'drop']);

export async function startFakeOpenAi(initial: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  let opts: FakeOpenAiOptions = { ...initial };
  servedModels(opts, FLAVOURS[opts.flavour ?? 'ollama']); // rejects a bad configuration before listening
  let transient = builtInFaults(opts);
  const requests: RequestLog[] = [];
  const attempts = new Map<string, number>();
  let inFlight = 0;
  let maxConcurrent = 0;

  function pickFault(req: FaultRequest): Fault | undefined {
    const random = transient?.(req);
    return opts.fault?.(req) ?? (random && TRANSIENT.has(random) ? (random as Fault) : undefined);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const { kind, modelId } = route(req.method ?? 'GET', path);
    const entry = newRequestLog(requests.length, req, path, kind);
    requests.push(entry);
    if (kind === 'chat') {
      inFlight++;
      maxConcurrent = Math.max(maxConcurrent, inFlight);
    }
    res.on('close', () => {
      if (kind === 'chat') inFlight--;
      if (!res.writableFinished && entry.outcome !== 'drop') entry.clientAborted = true;
    });
    const reply = (outcome: Outcome, r: HttpReply) => {
      Object.assign(entry, { outcome, status: r.status, respondedAt: Date.now() });
      if (res.destroyed) return;
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
      res.end(JSON.stringify(r.body));
    };
    const raw = Buffer.concat(await req.toArray()).toString('utf8');
    const flavour = FLAVOURS[opts.flavour ?? 'ollama'];
    const models = servedModels(opts, flavour);
    const refused = kind === 'chat' || flavour.modelsNeedKey ? keyProblem(flavour, opts, req) : null;
    if (kind !== 'other' && refused) return reply('unauthorized', refused);
    if (kind === 'models') return reply('ok', { status: 200, body: flavour.modelList(models) });
    if (kind === 'model') {
      // Looked up the way a chat request's model is, quirks included (LM Studio's one loaded model answers).
      const found = models.find((m) => m.id === modelId) ?? flavour.unknownModel(modelId ?? '', models);
      return 'status' in found
        ? reply('not-found', found)
        : reply('ok', { status: 200, body: flavour.modelObject(found) });
    }
    if (kind === 'other') return reply('not-found', { status: 404, body: { error: { message: `No route ${path}` } } });
    await handleChat({
      flavour,
      models,
      entry,
      raw,
      attempts,
      pickFault,
      reply,
      noise: opts.noise ?? true,
      retryAfterSeconds: opts.retryAfterSeconds ?? 1,
      wait: () => (opts.sleep ? opts.sleep(opts.latencyMs ?? 0) : delay(opts.latencyMs ?? 0)),
      drop: () => {
        Object.assign(entry, { outcome: 'drop', respondedAt: Date.now() });
        res.socket?.destroy();
      },
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `fake server bug: ${String(err)}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
    setBehaviour(patch) {
      const next = { ...opts, ...patch };
      servedModels(next, FLAVOURS[next.flavour ?? 'ollama']);
      opts = next;
      if ('failRate' in patch || 'seed' in patch) transient = builtInFaults(opts);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
