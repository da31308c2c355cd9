import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { advanceBatch, settleBatch } from './batch-lifecycle';
import { cancelBatch, createBatch, deleteBatch, getBatch, listBatches } from './batches';
import type { FakeContext, RouteHandler } from './context';
import * as E from './errors';
import { randomTransientFaults, seededRandom } from './faults';
import { deleteFile, downloadFile, getFile, listFiles } from './files';
import { generateContent } from './generate-content';
import { FakeModel } from './generation';
import { type Exchange, fail, readBody, sendJson } from './http';
import { newLogEntry, type RequestKind, type RequestLog } from './log';
import { FAKE_MODELS, getModel, listModels } from './models';
import type { FakeGeminiOptions } from './options';
import { ModelQuota } from './quota';
import { type BatchState, FakeGeminiState, type TerminalBatchState } from './state';
import { startUpload, uploadChunk } from './uploads';

/**
 * A protocol-faithful local stand-in for the Gemini API (generateContent, models, the Files API and the Batch API)
 * on 127.0.0.1 and a random port, so the real @google/genai client can be tested against quotas, faults, thinking
 * budgets, blocks, uploads and batch jobs without a network or a key. Every request is logged for assertions.
 * This module only routes; each API lives in its own module.
 */

export const FAKE_API_KEY = 'AIzaFakeKeyForCaptionStudioTests0123456';

export interface FakeGemini {
  url: string;
  requests: RequestLog[];
  /** Files and batches: pass it to the next startFakeGemini to restart the fake with them. */
  state: FakeGeminiState;
  setBehaviour(patch: Partial<FakeGeminiOptions>): void;
  /** Moves a batch one step (PENDING -> RUNNING -> its end state) and returns its new state. */
  advanceBatch(name: string): BatchState;
  /** Ends a batch now in `state`; SUCCEEDED runs its lines (with the fault hooks set at that moment). */
  settleBatch(name: string, state: TerminalBatchState): void;
  close(): Promise<void>;
}

interface Route {
  method: string;
  path: RegExp;
  kind: RequestKind;
  handle: RouteHandler;
  /** Only when the query has this parameter (a resumable upload's chunks go to the start's path + upload_id). */
  query?: string;
  /** Answered without an API key (the upload id is the credential of an upload URL). */
  keyless?: boolean;
}

const ID = '([^/:]+)';
const ROUTES: readonly Route[] = [
  { method: 'GET', path: /^\/(v1beta|v1)\/models$/u, kind: 'models.list', handle: listModels },
  { method: 'GET', path: new RegExp(`^/(v1beta|v1)/models/${ID}$`, 'u'), kind: 'models.get', handle: getModel },
  {
    method: 'POST',
    path: new RegExp(`^/(v1beta|v1)/models/${ID}:generateContent$`, 'u'),
    kind: 'generateContent',
    handle: generateContent,
  },
  {
    method: 'POST',
    path: new RegExp(`^/v1beta/models/${ID}:batchGenerateContent$`, 'u'),
    kind: 'batches.create',
    handle: createBatch,
  },
  { method: 'GET', path: /^\/v1beta\/batches$/u, kind: 'batches.list', handle: listBatches },
  { method: 'GET', path: new RegExp(`^/v1beta/batches/${ID}$`, 'u'), kind: 'batches.get', handle: getBatch },
  {
    method: 'POST',
    path: new RegExp(`^/v1beta/batches/${ID}:cancel$`, 'u'),
    kind: 'batches.cancel',
    handle: cancelBatch,
  },
  { method: 'DELETE', path: new RegExp(`^/v1beta/batches/${ID}$`, 'u'), kind: 'batches.delete', handle: deleteBatch },
  {
    method: 'POST',
    path: /^\/upload\/v1beta\/files$/u,
    query: 'upload_id',
    keyless: true,
    kind: 'files.upload.chunk',
    handle: uploadChunk,
  },
  { method: 'POST', path: /^\/upload\/v1beta\/files$/u, kind: 'files.upload.start', handle: startUpload },
  { method: 'GET', path: /^\/v1beta\/files$/u, kind: 'files.list', handle: listFiles },
  { method: 'GET', path: new RegExp(`^/v1beta/files/${ID}$`, 'u'), kind: 'files.get', handle: getFile },
  { method: 'DELETE', path: new RegExp(`^/v1beta/files/${ID}$`, 'u'), kind: 'files.delete', handle: deleteFile },
  {
    method: 'GET',
    path: new RegExp(`^/(?:download/)?v1beta/files/${ID}:download$`, 'u'),
    kind: 'files.download',
    handle: downloadFile,
  },
];

function route(method: string, url: URL): { route: Route; params: string[] } | undefined {
  for (const r of ROUTES) {
    const m = r.method === method && (!r.query || url.searchParams.has(r.query)) ? r.path.exec(url.pathname) : null;
    if (m) return { route: r, params: m.slice(1).map((p) => p ?? '') };
  }
  return undefined;
}

export async function startFakeGemini(initial: FakeGeminiOptions = {}): Promise<FakeGemini> {
  let opts: FakeGeminiOptions = { ...initial };
  let builtInFaults = opts.failRate ? randomTransientFaults(opts.failRate, opts.seed ?? 1) : undefined;
  let jitterRandom = seededRandom((opts.seed ?? 1) + 7);
  const state = initial.state ?? new FakeGeminiState();
  const requests: RequestLog[] = [];
  const quotas = new Map<string, ModelQuota>();
  let baseUrl = '';

  const ctx: FakeContext = {
    state,
    model: new FakeModel(
      () => opts,
      (uri) => state.file(uri),
    ),
    options: () => opts,
    models: () => opts.models ?? FAKE_MODELS,
    baseUrl: () => baseUrl,
    latency: () => Math.max(0, (opts.latencyMs ?? 0) + (jitterRandom() * 2 - 1) * (opts.jitterMs ?? 0)),
    fault: (req) => opts.fault?.(req) ?? builtInFaults?.(req),
    quota(model) {
      const quota = quotas.get(model) ?? new ModelQuota();
      quotas.set(model, quota);
      return quota;
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry = newLogEntry(requests.length, req, url.pathname);
    requests.push(entry);
    const found = route(entry.method, url);
    if (found) entry.kind = found.route.kind;
    const ex: Exchange = { req, res, url, entry, body: await readBody(req) };
    res.on('close', () => {
      if (!res.writableFinished && entry.outcome !== 'drop') entry.clientAborted = true;
    });
    if (!found?.route.keyless) {
      const key = req.headers['x-goog-api-key'] ?? url.searchParams.get('key');
      if (!key) return fail(ex, 'no-key', E.noKey());
      if (key !== FAKE_API_KEY) return fail(ex, 'invalid-key', E.invalidKey());
    }
    if (!found) return fail(ex, 'not-found', E.unknownPath(url.pathname));
    await opts.hold?.(found.route.kind);
    if (opts.loseAnswer?.(found.route.kind)) cutInsteadOfAnswering(req, res);
    await found.route.handle(ex, ctx, found.params);
  }

  /** The route still does its work; whatever it answers, the client only sees the connection go. */
  function cutInsteadOfAnswering(req: IncomingMessage, res: ServerResponse) {
    const cut = () => {
      req.socket.destroy();
      return res;
    };
    res.writeHead = cut as typeof res.writeHead;
    res.end = cut as typeof res.end;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) =>
      sendJson(res, 500, { error: { code: 500, message: String(err), status: 'INTERNAL' } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const batchNamed = (name: string) => {
    const batch = state.batch(name);
    if (!batch) throw new Error(`no batch ${name}`);
    return batch;
  };
  return {
    url: baseUrl,
    requests,
    state,
    setBehaviour(patch) {
      opts = { ...opts, ...patch };
      if ('failRate' in patch || 'seed' in patch) {
        builtInFaults = opts.failRate ? randomTransientFaults(opts.failRate, opts.seed ?? 1) : undefined;
        jitterRandom = seededRandom((opts.seed ?? 1) + 7);
      }
    },
    advanceBatch: (name) => advanceBatch(batchNamed(name), ctx),
    settleBatch: (name, end) => settleBatch(batchNamed(name), end, ctx),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
