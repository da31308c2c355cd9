import type { ErrorKind } from '../shared/errors';

/**
 * The CLI's exit codes, the same for every command (scripts rely on them; README lists them). 4: a batch job is
 * still running at Gemini (`--batch --no-wait`): the same command later collects its results. 130 = 128 + SIGINT,
 * the shell's convention for a command the user stopped with Ctrl+C.
 */
export const EXIT = { ok: 0, incomplete: 1, usage: 2, fatal: 3, batchPending: 4, interrupted: 130 } as const;

/**
 * What an error of each kind ends a command with: bad input is a usage error; the rest (key, quota, disk, network,
 * a missing file) need the user's hand. A Ctrl+C is answered with `interrupted` before the kind is looked at.
 */
const BY_KIND: Record<ErrorKind, number> = {
  validation: EXIT.usage,
  'not-found': EXIT.fatal,
  'invalid-key': EXIT.fatal,
  quota: EXIT.fatal,
  credit: EXIT.fatal,
  io: EXIT.fatal,
  network: EXIT.fatal,
  internal: EXIT.fatal,
  cancelled: EXIT.fatal,
};

export function exitCodeOf(kind: ErrorKind): number {
  return BY_KIND[kind];
}
