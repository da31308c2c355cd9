import { ZodError } from 'zod';
import { type CallName, calls, type Envelope } from '../../shared/contract';
import { isAppError } from '../../shared/errors';
import type { Handlers } from './types';

const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name);

/**
 * The one boundary every request crosses, whichever door it came through (Electron IPC or the preview bridge):
 * the call must exist, its arguments must match the contract's schema, and whatever happens the caller gets an
 * envelope: the value, or a typed error in plain words. Unexpected errors are logged here and reported
 * generically, so no stack trace or internal path reaches the page.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  args: unknown,
  log: (message: string, error: unknown) => void,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { kind: 'validation', message: `Unknown request "${name}".` } };
  try {
    const parsed = calls[name].args.parse(args ?? []);
    const handler = handlers[name] as (...a: unknown[]) => Promise<unknown>;
    const value = await handler(...(parsed as unknown[]));
    return { ok: true, value: value ?? null };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.toEnvelope() };
    if (e instanceof ZodError) {
      const issue = e.issues[0];
      const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : '';
      return {
        ok: false,
        error: { kind: 'validation', message: `Invalid request${where}: ${issue?.message ?? 'bad arguments'}.` },
      };
    }
    log(`Request "${name}" failed unexpectedly`, e);
    return {
      ok: false,
      error: { kind: 'internal', message: 'Something went wrong inside Caption Studio. Please try again.' },
    };
  }
}
