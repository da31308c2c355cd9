import type { IncomingMessage } from 'node:http';
import type { RouteHandler } from './context';
import { reply } from './http';
import * as P from './problems';

/**
 * Authentication and accounts.current. The client sends `Authorization: Bearer <token>`; older clients and the
 * API docs' curl examples send `Token <token>`, which the real API still takes, so the fake takes both.
 */

/** The token a fake accepts unless told otherwise: shaped like a real one (`r8_` and 37 characters). */
export const FAKE_REPLICATE_TOKEN = 'r8_FakeTokenForCaptionStudioTests0000000';

/** Why a request may not pass, or null when it carries the accepted token. */
export function authProblem(req: IncomingMessage, token: string): P.Problem | null {
  const header = req.headers.authorization;
  if (!header) return P.noToken();
  const sent = /^(?:Bearer|Token) (.+)$/u.exec(header)?.[1];
  return sent === token ? null : P.invalidToken();
}

/** GET /v1/account: who the token belongs to (the cheapest call that proves a token works). */
export const currentAccount: RouteHandler = (ex, ctx) => {
  const username = ctx.username();
  reply(ex, 200, { type: 'user', username, name: 'Caption Tester', github_url: `https://github.com/${username}` });
};
