import type { FakeContext } from './context';
import * as E from './errors';
import type { Outcome } from './log';
import { parseGenerateContentBody } from './request';
import type { BatchLine } from './state';

/**
 * The body of POST /v1beta/models/{model}:batchGenerateContent, as the SDK builds it:
 * `{batch: {displayName?, inputConfig: {requests: {requests: [{request, metadata: {key}}]}} | {fileName}}}`.
 * What the front end checks comes back at once (size, JSON, base64, an unknown input file); what the model checks
 * fails one line when the batch runs, as on the real service.
 */

const TWENTY_MB = 20 * 1024 * 1024;

export type BatchInput =
  | { ok: true; displayName: string | null; inputFile: string | null; lines: BatchLine[] }
  | { ok: false; outcome: Outcome; error: E.RpcError };

interface CreateBody {
  batch?: {
    displayName?: unknown;
    inputConfig?: { requests?: { requests?: unknown }; fileName?: unknown };
  };
}

const refuse = (message: string): BatchInput => ({ ok: false, outcome: 'bad-request', error: E.badRequest(message) });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function newLine(
  key: unknown,
  request: unknown,
  metadata: BatchLine['metadata'],
  unreadable: string | null,
): BatchLine {
  const k = typeof key === 'string' || typeof key === 'number' ? String(key) : null;
  return { key: k, metadata, request, unreadable, result: null, outcome: null, imageKey: null, text: null };
}

function inlineLines(requests: unknown): BatchLine[] | BatchInput {
  if (!Array.isArray(requests) || requests.length === 0) {
    return refuse('* BatchGenerateContentRequest.batch.input_config.requests.requests: requests is empty');
  }
  const lines: BatchLine[] = [];
  for (const [i, item] of requests.entries()) {
    const { request, metadata } = isObject(item) ? item : {};
    // Base64 that does not decode stops the whole call: the front end decodes every request before a batch exists.
    const parsed = parseGenerateContentBody(request);
    if (!parsed.ok && parsed.reason === 'undecodable') {
      return refuse(
        parsed.message.replace("'contents", `'batch.input_config.requests.requests[${i}].request.contents`),
      );
    }
    const meta = isObject(metadata) ? metadata : null;
    lines.push(newLine(meta?.key, request, meta, null));
  }
  return lines;
}

/** One JSONL line, `{"key": ..., "request": {...}}`; a line that is not one fails alone when the batch runs. */
function jsonlLine(text: string): BatchLine {
  try {
    const value: unknown = JSON.parse(text);
    if (isObject(value) && isObject(value.request)) return newLine(value.key, value.request, null, null);
    return newLine(isObject(value) ? value.key : null, null, null, 'The line has no request.');
  } catch {
    return newLine(null, null, null, 'Invalid JSON payload received. Unexpected token.');
  }
}

function fileLines(fileName: unknown, ctx: FakeContext): BatchLine[] | BatchInput {
  const file = typeof fileName === 'string' ? ctx.state.file(fileName) : undefined;
  if (!file) return { ok: false, outcome: 'not-found', error: E.fileNotAccessible(String(fileName)) };
  const lines = file.bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(jsonlLine);
  return lines.length > 0 ? lines : refuse(`The input file ${fileName} has no requests.`);
}

export function readBatchInput(body: Buffer, ctx: FakeContext): BatchInput {
  const maxBytes = ctx.options().maxBatchRequestBytes ?? TWENTY_MB;
  if (body.length > maxBytes) return { ok: false, outcome: 'too-large', error: E.payloadTooLarge(maxBytes) };
  let parsed: CreateBody;
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    parsed = isObject(value) ? value : {};
  } catch {
    return refuse('Invalid JSON payload received. Unexpected token.');
  }
  const displayName = typeof parsed.batch?.displayName === 'string' ? parsed.batch.displayName : null;
  const input = parsed.batch?.inputConfig ?? {};
  const inline = input.requests?.requests;
  if ((inline === undefined) === (input.fileName === undefined)) {
    return refuse('* BatchGenerateContentRequest.batch.input_config: set exactly one of requests and file_name');
  }
  const lines = inline !== undefined ? inlineLines(inline) : fileLines(input.fileName, ctx);
  if (!Array.isArray(lines)) return lines;
  const inputFile = inline === undefined ? `files/${String(input.fileName).replace(/^files\//u, '')}` : null;
  return { ok: true, displayName, inputFile, lines };
}
