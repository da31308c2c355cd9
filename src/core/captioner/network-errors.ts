/**
 * Telling "the server never answered" apart from an answer, for every provider: the SDKs surface socket and DNS
 * failures as a plain `TypeError: fetch failed` (undici) or their own connection error, with the socket error
 * somewhere in the `cause` chain.
 */
const NETWORK_CODES =
  /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_\w+)$/u;
const NETWORK_MESSAGES = /fetch failed|other side closed|socket hang up|socket closed|terminated|network|ECONNRESET/iu;

/** True when `err` or anything in its `cause` chain is a socket or DNS failure. */
export function isNetworkError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.test(code)) return true;
    if (typeof message === 'string' && NETWORK_MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** True when the connection was refused outright: nothing listens there (a local server that is not running). */
export function isConnectionRefused(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; depth++) {
    if ((e as { code?: unknown }).code === 'ECONNREFUSED') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The first sentence of a server's message, at most 200 characters, for a plain-language error. */
export function firstSentence(text: string): string {
  const s = text.split(/(?<=\.)\s/u)[0] ?? text;
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}
