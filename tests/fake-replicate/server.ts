import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { authProblem, FAKE_REPLICATE_TOKEN } from './accounts';
import type { FakeContext } from './context';
import { DEFAULT_MAX_FILE_BYTES } from './files';
import { drop, type Exchange, fail, readBody } from './http';
import { newLogEntry, type RequestLog } from './log';
import type { FakeReplicateOptions, Fault } from './options';
import * as P from './problems';
import type { StoredTraining, TerminalStatus, TrainingStatus } from './records';
import { findRoute } from './routes';
import { FakeReplicateState } from './state';
import { advanceTraining, settleTraining } from './training-lifecycle';

/**
 * A protocol-faithful local stand-in for the part of Replicate's HTTP API the app uses to train a LoRA (account,
 * hardware, files, models and versions, trainings) on 127.0.0.1 and a random port, so the real `replicate` client
 * can be driven through uploads, model creation and trainings that succeed, fail or are canceled, with the error
 * bodies of a bad token, no credit and invalid input. Every request is logged. This module only routes.
 */

export interface FakeReplicate {
  /** Base URL including /v1, as the client's `baseUrl`. */
  url: string;
  requests: RequestLog[];
  /** Files, models and trainings: pass it to the next startFakeReplicate to restart the fake with them. */
  state: FakeReplicateState;
  setBehaviour(patch: Partial<FakeReplicateOptions>): void;
  /** Moves a training one step (starting -> processing -> ... -> its end) and returns its new status. */
  advanceTraining(id: string): TrainingStatus;
  /** Ends a training now in `status`; a failure carries `error` (default: the configured one). */
  settleTraining(id: string, status: TerminalStatus, error?: string): void;
  close(): Promise<void>;
}

/** Room for the multipart framing around an upload's content. */
const MULTIPART_SLACK = 64 * 1024;
const JSON_LIMIT = 1024 * 1024;

const FAULTS: Record<Exclude<Fault, 'drop' | 'lost-answer'>, () => P.Problem> = {
  '429': P.throttled,
  '500': P.internal,
  '503': P.unavailable,
};

export async function startFakeReplicate(initial: FakeReplicateOptions = {}): Promise<FakeReplicate> {
  let opts: FakeReplicateOptions = { ...initial };
  const state = initial.state ?? new FakeReplicateState();
  const requests: RequestLog[] = [];
  const attempts = new Map<string, number>();
  let origin = '';

  const ctx: FakeContext = {
    state,
    options: () => opts,
    origin: () => origin,
    username: () => opts.username ?? 'caption-tester',
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const entry = newLogEntry(requests.length, req, url.pathname);
    requests.push(entry);
    res.on('close', () => {
      if (!res.writableFinished && !entry.dropped) entry.clientAborted = true;
    });
    const found = findRoute(entry.method, url.pathname);
    if (found) entry.kind = found.route.kind;
    const key = `${entry.method} ${url.pathname}`;
    entry.attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, entry.attempt);

    const limit =
      entry.kind === 'files.create' ? (opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES) + MULTIPART_SLACK : JSON_LIMIT;
    const { body, bytes } = await readBody(req, limit);
    if (body && body.length > 0 && entry.kind !== 'files.create')
      entry.bodySummary = body.toString('utf8').slice(0, 300);
    await delay(opts.latencyMs ?? 0);

    const plain: Exchange = { req, res, url, body, bodyBytes: bytes, entry, loseAnswer: false };
    const refused = authProblem(req, opts.token ?? FAKE_REPLICATE_TOKEN);
    if (refused) return fail(plain, refused);
    entry.authorized = true;
    const { index, method, path, kind, attempt } = entry;
    const fault = opts.fault?.({ index, method, path, kind, attempt });
    if (fault === 'drop') return drop(plain);
    if (fault && fault !== 'lost-answer') return fail(plain, FAULTS[fault]());
    const ex = fault === 'lost-answer' ? { ...plain, loseAnswer: true } : plain;
    if (!found) return fail(ex, P.notFound());
    await found.route.handle(ex, ctx, found.params);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ detail: `fake server bug: ${String(err)}`, status: 500 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const trainingNamed = (id: string): StoredTraining => {
    const training = state.training(id);
    if (!training) throw new Error(`no training ${id}`);
    return training;
  };
  return {
    url: `${origin}/v1`,
    requests,
    state,
    setBehaviour(patch) {
      opts = { ...opts, ...patch };
    },
    advanceTraining: (id) => advanceTraining(trainingNamed(id), ctx),
    settleTraining: (id, status, error) => settleTraining(trainingNamed(id), status, ctx, error),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
