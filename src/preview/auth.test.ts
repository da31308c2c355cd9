import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { PREVIEW_TOKEN_HEADER } from '../shared/preview-protocol';
import { checkToken, isAllowedHost, isLoopbackAddress, readCookie, sameToken, tokenCookie } from './auth';

const req = (headers: Record<string, string>, method = 'GET') => ({ headers, method }) as unknown as IncomingMessage;
const url = (path = '/') => new URL(path, 'http://127.0.0.1:4000');

describe('preview auth', () => {
  it('accepts only loopback peers', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('192.168.1.5')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });

  it('accepts only Host headers naming this server', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4000', 4000)).toBe(true);
    expect(isAllowedHost('127.0.0.1', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });

  it('tells a missing token (401) from a wrong one (403), per allowed proof', () => {
    const t = 'secret-token';
    const cookie = `other=1; ${tokenCookie(4000, t).split(';')[0]}`;
    expect(checkToken(req({}), url(), 4000, t, ['header', 'cookie', 'query'])).toEqual({ ok: false, status: 401 });
    expect(checkToken(req({ [PREVIEW_TOKEN_HEADER]: 'nope' }), url(), 4000, t, ['header'])).toEqual({
      ok: false,
      status: 403,
    });
    expect(checkToken(req({ [PREVIEW_TOKEN_HEADER]: t }), url(), 4000, t, ['header'])).toEqual({
      ok: true,
      via: 'header',
    });
    expect(checkToken(req({ cookie }), url(), 4000, t, ['cookie'])).toEqual({ ok: true, via: 'cookie' });
    expect(checkToken(req({ cookie }), url(), 4000, t, ['header'])).toEqual({ ok: false, status: 401 });
    expect(checkToken(req({}), url(`/?token=${t}`), 4000, t, ['cookie', 'query'])).toEqual({ ok: true, via: 'query' });
    // Another preview's cookie (another port) is not ours.
    expect(checkToken(req({ cookie: tokenCookie(4001, t) }), url(), 4000, t, ['cookie']).ok).toBe(false);
  });

  it('compares tokens exactly and reads cookies by name', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abcd', 'abc')).toBe(false);
    expect(sameToken(null, 'abc')).toBe(false);
    expect(readCookie('a=1; b = 2', 'b')).toBe('2');
    expect(readCookie('ab=1', 'a')).toBeNull();
  });
});
