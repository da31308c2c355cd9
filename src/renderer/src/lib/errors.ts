import { type ErrorKind, isErrorKind } from '../../../shared/errors';

/** What the UI knows about a failed call: the envelope's kind, plain message and optional details. */
export interface UiErrorLike {
  kind: ErrorKind;
  message: string;
  details?: unknown;
}

/**
 * Normalises anything a call can throw (the bridge's UiError, a plain Error, a string) into one shape, so every
 * screen can show the message and branch on the kind without guessing.
 */
export function toUiError(e: unknown): UiErrorLike {
  if (typeof e === 'object' && e !== null) {
    const o = e as { kind?: unknown; message?: unknown; details?: unknown };
    if (isErrorKind(o.kind) && typeof o.message === 'string') {
      return o.details === undefined
        ? { kind: o.kind, message: o.message }
        : { kind: o.kind, message: o.message, details: o.details };
    }
    if (typeof o.message === 'string') return { kind: 'internal', message: o.message };
  }
  return { kind: 'internal', message: typeof e === 'string' ? e : 'Something went wrong. Please try again.' };
}
