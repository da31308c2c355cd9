import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
    plugins: [react()],
  },
});
