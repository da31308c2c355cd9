import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    // Component tests (*.test.tsx) opt into jsdom per file; the DOM setup does nothing in the Node-side tests.
    setupFiles: ['tests/support/electron/setup.ts', 'tests/support/dom/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Image work is CPU-bound; on a 2-core machine parallel files only contend.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
