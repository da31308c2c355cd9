import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEV_SERVER_CONTENT_SECURITY_POLICY } from '../../electron.vite.config';
import { createProtocolHandler } from '../../src/main/protocol';
import type { PreviewServer } from '../../src/preview/server';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { silentLog } from '../support/electron/support';
import { removeDir } from '../support/fixtures';
import { raw, startTestPreview } from './preview-harness';

/**
 * The UI's Content-Security-Policy reaches the page three ways: the header of Electron's app protocol, the header
 * of the browser preview, and the meta tag the build writes into index.html. All three must say the same thing
 * (the meta tag cannot carry frame-ancestors; the headers do).
 */
const REPO = resolve(import.meta.dirname, '../..');
const BUILT_PAGE = resolve(REPO, 'out/renderer/index.html');

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/u);
      return [name, values.join(' ')];
    }),
  );

let preview: { root: string; server: PreviewServer };
let builtHtml = '';
beforeAll(async () => {
  if (!existsSync(BUILT_PAGE)) {
    await promisify(execFile)(resolve(REPO, 'node_modules/.bin/electron-vite'), ['build'], { cwd: REPO });
  }
  builtHtml = await readFile(BUILT_PAGE, 'utf8');
  preview = await startTestPreview({ PREVIEW_MEMORY_KEYSTORE: '1' });
});
afterAll(async () => {
  await preview.server.close();
  await removeDir(preview.root);
});

it('the app protocol, the preview and the built page carry the same policy', async () => {
  const handle = createProtocolHandler({
    rendererRoot: resolve(REPO, 'out/renderer'),
    media: { resolve: async () => null },
    log: silentLog(),
  });
  const electronHeader = (await handle(new Request('caption-studio://app/'))).headers.get('content-security-policy');
  const page = await raw(preview.server.port, `/?token=${preview.server.token}`);
  const previewHeader = page.headers['content-security-policy'];

  const metas = [...builtHtml.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gu)];
  expect(metas).toHaveLength(1);
  // The policy is the first thing in <head>, before anything it must govern.
  expect(builtHtml.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(builtHtml.indexOf('<script'));
  const meta = (metas[0]?.[1] ?? '').replaceAll('&#39;', "'");

  expect(electronHeader).toBe(CONTENT_SECURITY_POLICY);
  expect(previewHeader).toBe(CONTENT_SECURITY_POLICY);
  expect({ ...directives(meta), 'frame-ancestors': "'none'" }).toEqual(directives(CONTENT_SECURITY_POLICY));
});

it('is relaxed only for the dev server, and only for its inline preamble and hot-reload socket', () => {
  const dev = directives(DEV_SERVER_CONTENT_SECURITY_POLICY);
  const meta = directives(META_CONTENT_SECURITY_POLICY);
  expect(dev['script-src']).toBe("'self' 'unsafe-inline'");
  expect(dev['connect-src']).toBe("'self' ws: http://localhost:*");
  expect({ ...dev, 'script-src': '', 'connect-src': '' }).toEqual({ ...meta, 'script-src': '', 'connect-src': '' });
});
