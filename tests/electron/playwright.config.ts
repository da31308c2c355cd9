import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The real desktop app through Playwright's `_electron`: `npx playwright test -c tests/electron/playwright.config.ts`.
 * Needs an Electron binary (`npx install-electron` where GitHub is reachable) and, on Linux without a display,
 * `xvfb-run`. Without a binary every test reports itself as skipped.
 */
export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: '*.spec.ts',
  // One app at a time: each test file launches its own Electron with its own data folder.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: join(tmpdir(), 'caption-studio-electron-results'),
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
