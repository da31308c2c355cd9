import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the UI in Debian's Chromium against the browser preview (`npm run web`) and the fake
 * Gemini server: `npx electron-vite build && npx playwright test -c tests/e2e/playwright.config.ts`.
 * Each test starts its own preview (a child process) over its own temp data folder. Screenshots of the main
 * screens, light and dark, are written to test-results/e2e/screens/.
 */
const REPO = join(import.meta.dirname, '../..');

export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: '*.spec.ts',
  // Two cores, shared: one browser and one preview at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: join(REPO, 'test-results/e2e'),
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot run here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
