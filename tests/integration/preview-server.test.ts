import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../src/preview/server';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import type { DatasetManifest } from '../../src/shared/dataset';
import { PREVIEW_TOKEN_HEADER } from '../../src/shared/preview-protocol';
import { copyFixtures, removeDir } from '../support/fixtures';
import { INDEX_HTML, raw, startTestPreview } from './preview-harness';

/** The preview server's doors: loopback + Host + token checks, the page, the API bridge, events and media. */

describe('preview server', () => {
  let root: string;
  let server: PreviewServer;
  let port: number;
  let cookie: string;
  const api = (name: string, args: unknown[], headers: Record<string, string> = {}) =>
    raw(port, `/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: server.token, ...headers },
      body: JSON.stringify(args),
    });
  const json = (r: { body: Buffer }) => JSON.parse(r.body.toString('utf8'));

  beforeAll(async () => {
    ({ root, server } = await startTestPreview({ PREVIEW_MEMORY_KEYSTORE: '1' }));
    port = server.port;
  });
  afterAll(async () => {
    await server.close();
    await removeDir(root);
  });

  it('gives the URL to open: loopback, with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses the page without the token (401) or with a wrong one (403)', async () => {
    expect((await raw(port, '/')).status).toBe(401);
    expect((await raw(port, '/?token=wrong')).status).toBe(403);
    expect((await raw(port, '/assets/app.js')).status).toBe(401);
    expect((await raw(port, '/', { headers: { cookie: `caption_studio_preview_${port}=wrong` } })).status).toBe(403);
  });

  it('serves index.html with the token, the strict CSP and an HttpOnly SameSite=Strict cookie', async () => {
    const page = await raw(port, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body.toString('utf8')).toBe(INDEX_HTML);
    expect(page.headers['content-type']).toMatch(/^text\/html/u);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    const setCookie = String(page.headers['set-cookie']);
    expect(setCookie).toContain(`caption_studio_preview_${port}=${server.token}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    cookie = setCookie.split(';')[0] as string;
    // The cookie then opens the page and its assets (reloads after the token left the address bar).
    const asset = await raw(port, '/assets/app.js', { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/u);
    expect((await raw(port, '/', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the right token', async () => {
    const evil = await raw(port, `/?token=${server.token}`, { headers: { host: `evil.example:${port}` } });
    expect(evil.status).toBe(403);
    const otherPort = await raw(port, `/?token=${server.token}`, { headers: { host: `127.0.0.1:${port + 1}` } });
    expect(otherPort.status).toBe(403);
    const apiEvil = await api('listDatasets', [], { host: 'evil.example' });
    expect(apiEvil.status).toBe(403);
    expect((await raw(port, `/?token=${server.token}`, { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses static paths outside the renderer folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await raw(port, path, { headers: { cookie } });
      expect(r.status, path).toBe(404);
      expect(r.body.toString('utf8')).not.toContain('outside');
    }
  });

  it('bridges calls: token header required, envelope answers, contract checks', async () => {
    expect(json(await api('listDatasets', []))).toEqual({ ok: true, value: [] });
    expect((await api('listDatasets', [], { [PREVIEW_TOKEN_HEADER]: '' })).status).toBe(401);
    expect((await api('listDatasets', [], { [PREVIEW_TOKEN_HEADER]: 'wrong' })).status).toBe(403);
    // The cookie alone is not enough for a call: a page must add the header itself.
    const cookieOnly = await raw(port, '/api/listDatasets', { method: 'POST', headers: { cookie }, body: '[]' });
    expect(cookieOnly.status).toBe(401);
    expect((await api('listDatasets', [], { origin: 'http://evil.example' })).status).toBe(403);
    expect((await raw(port, '/api/listDatasets', { headers: { cookie } })).status).toBe(405);
    expect((await api('nope', [])).status).toBe(200);
    expect(json(await api('nope', [])).error.kind).toBe('validation');
    expect(json(await api('openDataset', ['../x'])).error.kind).toBe('validation');
    const notJson = await raw(port, '/api/listDatasets', {
      method: 'POST',
      headers: { [PREVIEW_TOKEN_HEADER]: server.token },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    const dialog = json(await api('chooseFolder', []));
    expect(dialog.ok).toBe(false);
    expect(dialog.error.message).toMatch(/not available in the preview/u);
  });

  it('streams events over SSE and serves thumbnails of the dataset, refusing traversal ids', async () => {
    const dataset = json(await api('createDataset', [{ trigger: 'my_cat' }])).value as DatasetManifest;
    const events = new AbortController();
    const stream = await fetch(`${server.origin}/api/events`, { headers: { cookie }, signal: events.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/u);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();

    const folder = await copyFixtures(root);
    const report = json(await api('importPaths', [dataset.id, [folder]]));
    expect(report.value.added).toBe(12);
    let text = '';
    while (!text.includes('event: importProgress\ndata: ')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const frame = text.slice(text.indexOf('event: importProgress'));
    const payload = JSON.parse(frame.split('\n')[1]?.slice('data: '.length) ?? 'null');
    expect(payload).toMatchObject({ datasetId: dataset.id, progress: { phase: expect.any(String) } });
    events.abort();

    const image = (json(await api('openDataset', [dataset.id])).value as DatasetManifest).images[0];
    const thumb = await raw(port, `/media/thumb/${dataset.id}/${image?.id}`, { headers: { cookie } });
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(thumb.body.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const preview = await raw(port, `/media/preview/${dataset.id}/${image?.id}?token=${server.token}`);
    expect(preview.status).toBe(200);

    expect((await raw(port, `/media/thumb/${dataset.id}/${image?.id}`)).status).toBe(401);
    for (const path of [
      `/media/thumb/${dataset.id}/..%2F..%2Fmanifest.json`,
      `/media/thumb/..%2F${dataset.id}/${image?.id}`,
      `/media/thumb/${dataset.id}/../../manifest.json`,
      `/media/thumb/${dataset.id}/%2e%2e`,
      `/media/other/${dataset.id}/${image?.id}`,
      `/media/thumb/${dataset.id}/no_such_image`,
    ]) {
      expect((await raw(port, path, { headers: { cookie } })).status, path).toBe(404);
    }
  });
});
