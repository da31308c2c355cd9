import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { _electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';
import { readZip } from '../support/zip';
import { findElectronBinary, REPO } from './electron-binary';

/**
 * The real app, end to end: launch the built app in Electron, import the shared fixture folder through the menu
 * and the (scripted) folder dialog, caption it against the fake Gemini server, export the ZIP and read it back.
 * Native dialogs cannot be clicked by Playwright, so CAPTION_STUDIO_TEST_DIALOG_PATHS answers them (honoured by
 * unpackaged builds only). Reports itself as skipped where no Electron binary exists.
 */

const electronBinary = findElectronBinary();
test.skip(electronBinary === null, 'No Electron binary here (run `npx install-electron` where GitHub is reachable).');
test.describe.configure({ mode: 'serial' });

const TRIGGER = 'tok';
let tmp = '';
let zipPath = '';
let fake: FakeGemini | undefined;
let app: ElectronApplication | undefined;
let page: Page;

/** Clicks an application-menu item (its id is the menu command), as the user would. */
async function clickMenu(command: string): Promise<void> {
  if (!app) throw new Error('app not launched');
  const clicked = await app.evaluate(({ Menu }, id) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(id);
    item?.click();
    return item !== null && item !== undefined;
  }, command);
  expect(clicked, `menu item ${command}`).toBe(true);
}

/** The real bridge, called from the real page. */
function bridge<T>(script: string): Promise<T> {
  return page.evaluate(script) as Promise<T>;
}

test.beforeAll(async () => {
  // A fresh build of main, preload and renderer (about a second).
  execFileSync(process.execPath, [join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: REPO,
    stdio: 'inherit',
  });
  tmp = await tempDir('caption-studio-e2e-');
  const fixtures = await copyFixtures(tmp);
  await mkdir(join(tmp, 'export'));
  zipPath = join(tmp, 'export', `${TRIGGER}_training.zip`);
  fake = await startFakeGemini({ latencyMs: 20 });

  app = await _electron.launch({
    executablePath: electronBinary as string,
    // Chromium refuses to start as root (CI containers) without this.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), REPO],
    env: {
      ...process.env,
      CAPTION_STUDIO_DATA_DIR: join(tmp, 'data'),
      GOOGLE_GEMINI_BASE_URL: fake.url,
      GEMINI_API_KEY: FAKE_API_KEY,
      CAPTION_STUDIO_TEST_DIALOG_PATHS: JSON.stringify({ folder: [fixtures], save: zipPath }),
    },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  await fake?.close();
  if (tmp) await removeDir(tmp);
});

test('opens one hardened window on the app protocol', async () => {
  expect(page.url()).toMatch(/^caption-studio:\/\/app\//);
  const windows = await app?.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  expect(windows).toBe(1);

  // Context isolation + sandbox + no Node integration: the page sees the bridge and nothing of Node.
  const seen = await page.evaluate(() => ({
    node: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    api: Object.keys((globalThis as unknown as { captionStudio: object }).captionStudio),
  }));
  expect(seen.node).toBe('undefined');
  expect(seen.process).toBe('undefined');
  expect(seen.api).toContain('listDatasets');
  expect(seen.api).not.toContain('invoke');

  const csp = await page.evaluate(
    (url) => fetch(url).then((r) => r.headers.get('content-security-policy')),
    page.url(),
  );
  expect(csp).toContain("script-src 'self'");
});

test('imports the fixture folder, captions it with the fake Gemini and exports a ZIP', async () => {
  // Fast settings for new datasets (the free-tier default of 10 requests a minute would take over a minute).
  await bridge(`window.captionStudio.setSettings({ rpm: 1000, concurrency: 4 })`);

  await clickMenu('open-folder');
  await expect(page.getByRole('dialog', { name: /new dataset/i })).toBeVisible();
  await expect(page.getByText('dropped-folder').first()).toBeVisible();
  await page.getByLabel('Trigger word').fill(TRIGGER);
  await page.getByRole('button', { name: 'Create and import' }).click();

  // Imported: 12 images, one of them with its caption; the 6 broken files are listed with their reasons.
  await expect(page.getByRole('region', { name: 'Skipped files' })).toContainText('tiny-64px.png');
  const datasets = await bridge<{ ok: boolean; value: Array<{ id: string; imageCount: number }> }>(
    'window.captionStudio.listDatasets()',
  );
  expect(datasets.ok).toBe(true);
  expect(datasets.value).toHaveLength(1);
  expect(datasets.value[0]?.imageCount).toBe(12);
  await page.screenshot({ path: join(test.info().outputDir, 'imported.png') });

  await clickMenu('caption-all');
  await page.getByRole('button', { name: /^Caption \d+ images?$/ }).click();
  await expect
    .poll(
      async () => {
        const list = await bridge<{ value: Array<{ captionedCount: number }> }>('window.captionStudio.listDatasets()');
        return list.value[0]?.captionedCount;
      },
      { timeout: 120_000 },
    )
    .toBe(12);
  await page.screenshot({ path: join(test.info().outputDir, 'captioned.png') });

  await clickMenu('export');
  await expect(page.getByText('Export complete')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: join(test.info().outputDir, 'exported.png') });

  const entries = await readZip(zipPath);
  const captions = [...entries].filter(([name]) => name.endsWith('.txt'));
  expect(captions).toHaveLength(12);
  expect(entries.size).toBe(24);
  for (const [name, text] of captions) {
    expect(text.toString('utf8'), name).toMatch(new RegExp(`^photo of ${TRIGGER} \\S`));
  }
});
