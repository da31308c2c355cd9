import { join } from 'node:path';
import { FAKE_API_KEY } from '../fake-gemini';
import { createDataset, dialog } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, FAST_SETTINGS, snap, test } from './support/test';

/**
 * The Gemini API key in Settings: a wrong key gets a clear error, the right one is tested and saved, shown only
 * masked, tested again and removed; without a key, captioning leads straight to the key field. The preview runs
 * with an in-memory key store, so no real keychain is touched.
 */

const WRONG_KEY = 'AIzaWrongKeyWrongKeyWrongKeyWrong123456';
const MASKED = `${FAKE_API_KEY.slice(0, 4)}…${FAKE_API_KEY.slice(-4)}`;

test.use({ previewConfig: { withKey: false, settings: FAST_SETTINGS } });

test('paste a wrong key, then the right one: tested, saved, masked, tested again, removed', async ({ app: page }) => {
  // Everything the server sends the page, to prove the key never comes back from the main process.
  const apiBodies: Promise<string>[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/') && !r.url().includes('/api/events')) apiBodies.push(r.text());
  });

  await page.getByRole('button', { name: 'Settings' }).click();
  // The Gemini key's section (Settings also holds the Replicate token's, with buttons of the same names).
  const settings = dialog(page, 'Settings').getByRole('region', { name: 'Gemini API key' });
  await expect(settings.getByText(/No key yet/u)).toBeVisible();
  // Labelled "API key", or "Replace the API key" once one is saved.
  const field = settings.getByLabel(/^(Replace the )?API key$/u);
  const save = settings.getByRole('button', { name: 'Test & save' });

  await test.step('something that is not a key: refused before any request, in plain words', async () => {
    await field.fill('not a key');
    await save.click();
    await expect(settings.getByRole('alert')).toHaveText(/contains spaces or line breaks: paste only the key itself/u);
    await expect(field).toHaveClass(/invalid/u);
  });

  await test.step('a well-formed key Gemini rejects: a clear error, nothing saved', async () => {
    await field.fill(WRONG_KEY);
    await save.click();
    const alert = settings.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/key/iu);
    await expect(alert).not.toContainText(WRONG_KEY);
    await expect(settings.getByText(/No key yet/u)).toBeVisible();
    await snap(page, 'settings-key-rejected');
  });

  await test.step('the right key: tested, saved, shown masked and nowhere in full', async () => {
    await field.fill(FAKE_API_KEY);
    await save.click();
    await expect(settings.getByRole('status')).toHaveText('The key works and is saved in your system keychain.');
    await expect(settings.getByText(MASKED, { exact: true })).toBeVisible();
    await expect(settings.getByText('saved in your system keychain', { exact: true })).toBeVisible();
    await expect(settings.getByLabel('Replace the API key')).toHaveValue('');
    expect(await page.content()).not.toContain(FAKE_API_KEY);
    await snap(page, 'settings-key-saved');
  });

  await test.step('Test again', async () => {
    await settings.getByRole('button', { name: 'Test again' }).click();
    await expect(settings.getByRole('status')).toHaveText('The key works.');
  });

  await test.step('Remove', async () => {
    await settings.getByRole('button', { name: 'Remove' }).click();
    await expect(settings.getByRole('status')).toHaveText('The key was removed from this computer.');
    await expect(settings.getByText(/No key yet/u)).toBeVisible();
    await expect(settings.getByText(MASKED)).toHaveCount(0);
  });

  const bodies = await Promise.all(apiBodies);
  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) expect(body).not.toContain(FAKE_API_KEY);
  expect(await page.content()).not.toContain(FAKE_API_KEY);
});

test('captioning without a key leads straight to the key field in Settings', async ({ app: page, workdir, fake }) => {
  const folder = join(workdir, 'photos');
  await writePhotos(folder, 3);
  const report = await createDataset(page, 'nokey_test', folder);
  await report.getByRole('button', { name: 'Start reviewing' }).click();

  await page.getByRole('button', { name: 'Caption…' }).click();
  const confirm = dialog(page, 'Caption images');
  await expect(confirm.getByText(/Captioning needs a Gemini API key/u)).toBeVisible();
  await snap(page, 'caption-confirm-no-key');
  await confirm.getByRole('button', { name: 'Add API key…' }).click();

  const settings = dialog(page, 'Settings');
  await expect(settings).toBeVisible();
  await expect(settings.getByText('Add your Gemini API key to start captioning.')).toBeVisible();
  await expect(settings.getByLabel('API key', { exact: true })).toBeFocused();
  await snap(page, 'settings-asked-for-key');
  expect(fake.requests.filter((r) => r.kind === 'generateContent')).toHaveLength(0);
});
