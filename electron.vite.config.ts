import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CSP_DIRECTIVES, HEADER_ONLY, META_CONTENT_SECURITY_POLICY, policyOf } from './src/shared/csp';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    // Runtime dependencies stay external (node_modules ships with the app; sharp has native files).
    // `self-test` is the Electron-free installation check as its own entry (out/main/self-test.js): the app
    // imports it for `--self-test`, and the tests run that same file in plain Node against a build or a package.
    build: {
      rolldownOptions: {
        input: { index: resolve(here, 'src/main/index.ts'), 'self-test': resolve(here, 'src/core/self-test/index.ts') },
      },
    },
  },
  preload: {
    // A sandboxed preload is one self-contained CommonJS file: it can require `electron` and nothing else, so
    // every import is bundled in (externalizeDeps off) and the output format is pinned to cjs.
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(here, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(here, 'src/renderer'),
    build: {
      // electron-vite leaves output unminified by default; the UI loads faster minified and sources stay readable
      // in development builds.
      minify: true,
      rolldownOptions: { input: { index: resolve(here, 'src/renderer/index.html') } },
    },
    plugins: [react(), contentSecurityPolicyMeta()],
  },
});

/**
 * Writes the one policy (src/shared/csp.ts) into index.html as the first tag of <head>, so the page carries the
 * same CSP as the headers the app protocol and the preview send. The dev server gets its relaxed variant (React's
 * fast-refresh preamble is inline; hot reload uses a WebSocket).
 */
/**
 * Development only (`npm run dev`, Vite's dev server): React's fast-refresh preamble is an inline script and hot
 * reload talks over a WebSocket. Never part of a build.
 */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = policyOf(
  CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)).map(([name, value]): readonly [string, string] => {
    if (name === 'script-src') return [name, `${value} 'unsafe-inline'`];
    if (name === 'connect-src') return [name, `${value} ws: http://localhost:*`];
    return [name, value];
  }),
);

export function contentSecurityPolicyMeta(): Plugin {
  let dev = false;
  return {
    name: 'caption-studio:csp-meta',
    configResolved: (config) => {
      dev = config.command === 'serve';
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: dev ? DEV_SERVER_CONTENT_SECURITY_POLICY : META_CONTENT_SECURITY_POLICY,
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}
