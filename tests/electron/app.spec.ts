import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { DatasetManifest } from '../../src/shared/dataset';
import { captionField, dialog, tile } from '../e2e/support/flows';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';
import { readZip } from '../support/zip';
import { type AppSession, launchApp } from './app-session';
import { findElectronBinary, REPO } from './electron-binary';

/**
 * The real app, end to end, as a student uses it: launch the built app in Electron, import the shared fixture
 * folder through the menu and the (scripted) folder dialog, caption it against the fake Gemini server, edit a
 * caption, export the ZIP and read it back, quit, start the app again and reopen the dataset with the edit intact.
 * Native dialogs cannot be clicked by Playwright, so CAPTION_STUDIO_TEST_DIALOG_PATHS answers them (honoured by
 * unpackaged builds only). Reports itself as skipped where no Electron binary exists.
 */

const electronBinary = findElectronBinary();
test.skip(electronBinary === null, 'No Electron binary here (run `npx install-electron` where GitHub is reachable).');
test.describe.configure({ mode: 'serial' });

const TRIGGER = 'tok';
const EDITED_IMAGE = 'studio/rotated-exif6.jpg';
const EDITED = `photo of ${TRIGGER} an upright photo whose caption was edited by hand`;

let tmp = '';
let zipPath = '';
let env: Record<string, string> = {};
let fake: FakeGemini | undefined;
let session: AppSession;

type Result<T> = { ok: boolean; value: T };
const listDatasets = () =>
  session.bridge<Result<Array<{ id: string; imageCount: number; captionedCount: number }>>>(
    'window.captionStudio.listDatasets()',
  );

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
  // The same data folder for both launches: the second one must find what the first one saved.
  env = {
    CAPTION_STUDIO_DATA_DIR: join(tmp, 'data'),
    GOOGLE_GEMINI_BASE_URL: fake.url,
    GEMINI_API_KEY: FAKE_API_KEY,
    CAPTION_STUDIO_TEST_DIALOG_PATHS: JSON.stringify({ folder: [fixtures], save: zipPath }),
  };
  session = await launchApp(electronBinary as string, env);
});

test.afterAll(async () => {
  await session?.app.close();
  await fake?.close();
  if (tmp) await removeDir(tmp);
});

test('opens one hardened window on the app protocol', async () => {
  const { app, page } = session;
  expect(page.url()).toMatch(/^caption-studio:\/\/app\//);
  const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
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

test('imports the fixture folder through the menu and the folder dialog', async () => {
  const { page } = session;
  // Fast settings for new datasets (the free-tier default of 10 requests a minute would take over a minute).
  await session.bridge(`window.captionStudio.setSettings({ rpm: 1000, concurrency: 4 })`);

  await session.clickMenu('open-folder');
  const form = dialog(page, /new dataset/i);
  await expect(form).toBeVisible();
  await expect(form.getByText('dropped-folder').first()).toBeVisible();
  await form.getByLabel('Trigger word').fill(TRIGGER);
  await form.getByRole('button', { name: 'Create and import' }).click();

  // Imported: 12 images, one of them with its caption; the 6 broken files are listed with their reasons.
  const report = dialog(page, '12 images added, 6 files skipped');
  await expect(report).toBeVisible({ timeout: 90_000 });
  await expect(report.getByRole('region', { name: 'Skipped files' })).toContainText('tiny-64px.png');
  const datasets = await listDatasets();
  expect(datasets.ok).toBe(true);
  expect(datasets.value).toHaveLength(1);
  expect(datasets.value[0]?.imageCount).toBe(12);
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  await expect(page.getByRole('listbox', { name: 'Images' }).getByRole('option')).toHaveCount(12);
  await page.screenshot({ path: join(test.info().outputDir, 'imported.png') });
});

test('captions every image with the fake Gemini', async () => {
  const { page } = session;
  await session.clickMenu('caption-all');
  await page.getByRole('button', { name: /^Caption \d+ images?$/ }).click();
  await expect.poll(async () => (await listDatasets()).value[0]?.captionedCount, { timeout: 120_000 }).toBe(12);
  await expect(tile(page, EDITED_IMAGE)).toHaveAccessibleName(/Captioned$/u);
  await page.screenshot({ path: join(test.info().outputDir, 'captioned.png') });
});

test('edits a caption by hand; it is saved on leaving the field', async () => {
  const { page } = session;
  await tile(page, EDITED_IMAGE).click();
  const field = captionField(page);
  await expect(field).toHaveValue(new RegExp(`^photo of ${TRIGGER} \\S`));
  await field.fill(EDITED);
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await field.press('Escape');
  await expect(field).not.toBeFocused();
  await expect(tile(page, EDITED_IMAGE)).toHaveAccessibleName(/Edited$/u);
});

test('exports a ZIP holding every caption, the edited one included', async () => {
  const { page } = session;
  await session.clickMenu('export');
  // The shared photos are small: the dataset check says so first, and the export waits for the user.
  await page.getByRole('region', { name: 'Dataset check' }).getByRole('button', { name: 'Export anyway' }).click();
  await dialog(page, /^Export$/u)
    .getByRole('button', { name: 'Export ZIP…' })
    .click();
  await expect(dialog(page, 'Export complete')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: join(test.info().outputDir, 'exported.png') });

  const entries = await readZip(zipPath);
  const captions = [...entries].filter(([name]) => name.endsWith('.txt')).map(([, text]) => text.toString('utf8'));
  expect(captions).toHaveLength(12);
  expect(entries.size).toBe(24);
  for (const caption of captions) expect(caption).toMatch(new RegExp(`^photo of ${TRIGGER} \\S`));
  expect(captions).toContain(EDITED);
});

test('quits, starts again and reopens the dataset with the edited caption intact', async () => {
  await session.app.close();
  session = await launchApp(electronBinary as string, env);
  const { page } = session;

  await page.getByRole('button', { name: 'Open dropped-folder' }).click();
  await expect(page.getByRole('listbox', { name: 'Images' }).getByRole('option')).toHaveCount(12);
  await expect(tile(page, EDITED_IMAGE)).toHaveAccessibleName(/Edited$/u);
  await tile(page, EDITED_IMAGE).click();
  await expect(captionField(page)).toHaveValue(EDITED);

  // And on disk, as the new process read it back: the manifest with its journal replayed.
  const [dataset] = (await listDatasets()).value;
  const opened = await session.bridge<Result<DatasetManifest>>(
    `window.captionStudio.openDataset(${JSON.stringify(dataset?.id)})`,
  );
  expect(opened.value.images.find((i) => i.relPath === EDITED_IMAGE)?.caption).toBe(EDITED);
  await page.screenshot({ path: join(test.info().outputDir, 'reopened.png') });
});
