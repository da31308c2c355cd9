import { AppError, isAppError } from '../../shared/errors';
import { LOST_CONNECTION_STATUS } from './client';

/** What Replicate said when a call failed: the HTTP status and its problem body's `title` and `detail`. */
export interface ReplicateFailure {
  status: number;
  title: string;
  detail: string;
}

/**
 * Reads a failed call. The client throws its ApiError (not exported, so known by name) after reading the body
 * itself, and quotes the body in the message (`Request to URL failed with status 402 Payment Required: {...}.`),
 * so the status comes from `error.response` and `detail` from the quoted JSON. null for anything else.
 */
export function replicateFailure(e: unknown): ReplicateFailure | null {
  if (!(e instanceof Error) || e.name !== 'ApiError' || !('response' in e)) return null;
  const status = (e as { response: Response }).response.status;
  const quoted = /failed with status \d+[^:]*: ([\s\S]*)\.$/u.exec(e.message)?.[1] ?? '';
  let body: { title?: unknown; detail?: unknown } = {};
  try {
    body = JSON.parse(quoted) as typeof body;
  } catch {
    // Not JSON (a proxy's HTML page...): the status says enough.
  }
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return { status, title: text(body.title), detail: text(body.detail) };
}

const BILLING_URL = 'https://replicate.com/account/billing';

/**
 * Any failure of a Replicate call as an AppError in plain words, with the kind the UI and the CLI act on: a bad
 * token (`invalid-key`), no credit (`credit`), input Replicate refused (`validation`, its own list of problems),
 * something missing (`not-found`), and everything about reaching it (`network`). `doing` names the step, e.g.
 * "start the training".
 */
export function toReplicateError(e: unknown, doing: string): AppError {
  if (isAppError(e)) return e;
  const failure = replicateFailure(e);
  if (!failure) {
    if (e instanceof Error && e.name === 'AbortError')
      return new AppError('cancelled', `Stopped before Replicate could ${doing}.`);
    const detail = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    return new AppError(
      'network',
      `Cannot reach Replicate to ${doing} (${detail}). Check the connection and try again.`,
    );
  }
  const { status, detail } = failure;
  const said = detail ? ` Replicate said: ${detail}` : '';
  switch (true) {
    case status === 401:
      return new AppError(
        'invalid-key',
        `Replicate did not accept the API token. Check it in Settings (replicate.com/account/api-tokens).${said}`,
      );
    case status === 402:
      return new AppError(
        'credit',
        `Your Replicate account has no credit left to ${doing}. Add credit at ${BILLING_URL}, wait a few minutes, then try again.`,
      );
    case status === 403:
      return new AppError(
        'validation',
        `Replicate does not let this account ${doing}: you can only train into models you own.${said}`,
      );
    case status === 404:
      return new AppError('not-found', `Replicate could not find what was needed to ${doing}.${said}`);
    case status === 413:
      return new AppError('validation', `The dataset is too big for Replicate's upload limit.${said}`);
    case status === 422 || status === 400 || status === 409:
      return new AppError('validation', `Replicate refused the request to ${doing}.${said ? said : ''}`.trim());
    case status === LOST_CONNECTION_STATUS:
      return new AppError('network', `The connection to Replicate was lost while trying to ${doing}. Try again.`);
    case status === 429:
      return new AppError(
        'network',
        `Replicate is asking for fewer requests right now; try again in a minute (${doing}).`,
      );
    default:
      return new AppError('network', `Replicate could not ${doing} just now (HTTP ${status}).${said} Try again later.`);
  }
}
