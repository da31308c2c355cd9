import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { DatasetSettings } from '../../../src/shared/dataset';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../../fake-gemini';
import { type FakeReplicate, startFakeReplicate } from '../../fake-replicate';
import type { FakeReplicateOptions } from '../../fake-replicate/options';
import { removeDir, tempDir } from '../../support/fixtures';
import { type PreviewProcess, startPreview } from './preview-process';

/**
 * Settings that keep a run short on this machine: the free-tier default of 10 requests a minute would make 11
 * images take over a minute, and a smaller copy sent to Gemini keeps sharp's work down. Captions do not depend on
 * either.
 */
export const FAST_SETTINGS: Partial<DatasetSettings> = { rpm: 6000, concurrency: 4, downscale: 512 };

interface PreviewConfig {
  /** Put FAKE_API_KEY in the preview's environment (GEMINI_API_KEY); off for the key-handling tests. */
  withKey: boolean;
  settings: Partial<DatasetSettings>;
  /** Start a fake Replicate with these options and point the preview at it (REPLICATE_BASE_URL); null: none. */
  replicate?: FakeReplicateOptions | null;
}

interface Fixtures {
  previewConfig: PreviewConfig;
  /** A fresh temp folder per test (data dir, copied photos, exported ZIPs), removed afterwards. */
  workdir: string;
  fake: FakeGemini;
  /** The fake Replicate of `previewConfig.replicate` (null when the test asked for none). */
  replicate: FakeReplicate | null;
  preview: PreviewProcess;
  /** The page with Caption Studio loaded from the preview, on the start screen. */
  app: Page;
}

export const test = base.extend<Fixtures>({
  previewConfig: [{ withKey: true, settings: FAST_SETTINGS }, { option: true }],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  workdir: async ({}, use) => {
    const dir = await tempDir('caption-studio-e2e-');
    await use(dir);
    await removeDir(dir);
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  fake: async ({}, use) => {
    const fake = await startFakeGemini({ latencyMs: 100, jitterMs: 50, seed: 11 });
    await use(fake);
    await fake.close();
  },

  replicate: async ({ previewConfig }, use) => {
    const fake = previewConfig.replicate ? await startFakeReplicate(previewConfig.replicate) : null;
    await use(fake);
    await fake?.close();
  },

  preview: async ({ workdir, fake, replicate, previewConfig }, use, testInfo) => {
    const preview = await startPreview({
      dataDir: join(workdir, 'data'),
      geminiUrl: fake.url,
      settings: previewConfig.settings,
      ...(previewConfig.withKey ? { apiKey: FAKE_API_KEY } : {}),
      ...(replicate ? { replicateUrl: replicate.url } : {}),
    });
    await use(preview);
    await preview.stop();
    await testInfo.attach('preview-output.txt', { body: preview.output.join(''), contentType: 'text/plain' });
  },

  app: async ({ page, preview }, use, testInfo) => {
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} ${r.url().replace(/token=[^&]+/u, 'token=…')}`);
    });
    await page.goto(preview.url);
    await expect(page.getByRole('heading', { name: 'Turn a folder of photos into a LoRA training set' })).toBeVisible();
    await use(page);
    if (consoleErrors.length > 0) {
      await testInfo.attach('console-errors.txt', { body: consoleErrors.join('\n'), contentType: 'text/plain' });
    }
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/**
 * Saves the page as it looks now in both colour schemes, as test artifacts under
 * test-results/e2e/screens/<name>-light.png and -dark.png (looked at by hand; nothing compares them).
 */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = join(test.info().project.outputDir, 'screens');
  await mkdir(dir, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = join(dir, `${name}-${colorScheme}.png`);
    await page.screenshot({ path, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
