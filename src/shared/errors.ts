/**
 * The typed error envelope every door (IPC, CLI, preview) carries, so callers can tell a quota problem from a
 * validation problem and offer the right next step. Messages are plain language and never contain the API key.
 */
const ERROR_KINDS = [
  'invalid-key', // missing, malformed, rejected or leaked key: go to settings
  'quota', // per-day quota exhausted (per-minute limits are retried, not reported)
  'credit', // the account has no credit left for a paid service (Replicate): add credit there
  'validation', // bad arguments or data that breaks the rules (trigger word, captions)
  'not-found', // dataset, image, file or model that does not exist
  'io', // disk problems: permissions, full disk, unreadable source
  'network', // cannot reach the model's server
  'cancelled',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}

export interface ErrorEnvelope {
  kind: ErrorKind;
  message: string;
  /** Optional structured details (for example the images blocking an export). */
  details?: unknown;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toEnvelope(): ErrorEnvelope {
    return this.details === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, message: this.message, details: this.details };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
