import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { protocol, resetElectronMock } from '../../tests/support/electron/electron-mock';
import { silentLog } from '../../tests/support/electron/support';
import { mediaUrlOf, parseMediaPath } from '../shared/app-urls';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { createProtocolHandler, registerAppScheme, resolveInside } from './protocol';

let root = '';
let outside = '';
beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'caption-studio-protocol-'));
  root = join(base, 'renderer');
  outside = base;
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'do not serve');
  await writeFile(join(base, 'thumb.webp'), 'RIFF....WEBP');
});
afterAll(async () => {
  await rm(outside, { recursive: true, force: true });
});
beforeEach(() => resetElectronMock());

describe('resolveInside', () => {
  it('serves index.html for the root and files inside the root', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveInside(root, '/assets/my%20file.png')).toBe(join(root, 'assets', 'my file.png'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/..%5csecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '//etc/passwd',
    '/%2fetc/passwd',
    '/C:/Windows/win.ini',
    '/c:%5cwindows%5cwin.ini',
    '/index.html%00.js',
    '/%00',
    '/%E0%A4%A',
  ])('refuses %s', (path) => expect(resolveInside(root, path)).toBeNull());
});

describe('the app protocol handler', () => {
  const media = { resolve: vi.fn() };
  const handler = () => createProtocolHandler({ rendererRoot: root, media, log: silentLog() });
  const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

  it('serves the UI with the right content type and the CSP on every response', async () => {
    const html = await get('caption-studio://app/');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await html.text()).toContain('<title>ok</title>');

    const js = await get('caption-studio://app/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await get('caption-studio://app/assets/index-abc.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');

    const missing = await get('caption-studio://app/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%252e%252e/secret.txt']) {
      const response = await get(`caption-studio://app${path}`);
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('do not serve');
    }
  });

  it('serves media through the media service, with its ids checked first', async () => {
    media.resolve.mockResolvedValue({ path: join(outside, 'thumb.webp'), mimeType: 'image/webp' });
    const ok = await get(mediaUrlOf('thumb', 'sess-1', 'img_2'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/webp');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(media.resolve).toHaveBeenCalledExactlyOnceWith('thumb', 'sess-1', 'img_2');

    media.resolve.mockClear();
    for (const url of [
      'caption-studio://media/thumb/..%2f..%2fx/y',
      'caption-studio://media/original/s/i',
      'caption-studio://media/thumb/s',
      'caption-studio://media/thumb/s/i/extra',
    ]) {
      expect((await get(url)).status).toBe(404);
    }
    expect(media.resolve).not.toHaveBeenCalled();

    media.resolve.mockResolvedValue(null);
    expect((await get(mediaUrlOf('preview', 's', 'unknown'))).status).toBe(404);
    media.resolve.mockRejectedValue(new Error('boom'));
    expect((await get(mediaUrlOf('preview', 's', 'i'))).status).toBe(404);
  });

  it('answers only GET, and only for its own hosts', async () => {
    expect((await get('caption-studio://app/index.html', 'POST')).status).toBe(405);
    expect((await get('caption-studio://elsewhere/index.html')).status).toBe(404);
  });
});

describe('media URLs', () => {
  it('round-trip between the preload builder and the main-side parser', () => {
    const url = new URL(mediaUrlOf('preview', 'abc-1', 'x_9'));
    expect(url.protocol).toBe('caption-studio:');
    expect(url.host).toBe('media');
    expect(parseMediaPath(url.pathname)).toEqual({ kind: 'preview', datasetId: 'abc-1', imageId: 'x_9' });
  });
});

describe('registerAppScheme', () => {
  it('registers the scheme as standard, secure and fetchable', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'caption-studio', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});
