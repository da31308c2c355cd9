import { join } from 'node:path';
import { copyFixtures } from '../support/fixtures';
import { readZip } from '../support/zip';
import { answerPathPrompt, borderColour, captionField, dialog, editorTitle, tile } from './support/flows';
import { journeyFaults, uploadKeyOf } from './support/gemini-faults';
import { expect, FAST_SETTINGS, snap, test } from './support/test';

/**
 * The whole journey of a student, in the browser preview against the fake Gemini: new dataset, import the shared
 * dropped folder, see what was skipped and why, caption everything with some images failing for good and the
 * server flaking on others, retry, fix by keyboard, export the ZIP and check what a trainer would receive.
 */

const TRIGGER = 'ide_main_hall';
const PREFIX = `photo of ${TRIGGER} `;
const BLOCKED = 'studio/motorcycle.png';
const FAILS_ONCE = 'IMG_0001.JPG';
const TYPED_BLOCKED = `${PREFIX}a red motorcycle parked in a cluttered workshop`;
const TYPED_FIXED = `${PREFIX}a photo stored sideways, shown upright`;

const SKIPPED: ReadonlyArray<[file: string, tag: string]> = [
  ['notes.txt', 'Not a photo'],
  ['empty.jpg', 'Empty file'],
  ['not-really.png', 'Not a photo'],
  ['pixel-bomb.png', 'Too large'],
  ['tiny-64px.png', 'Too small'],
  ['truncated.jpg', 'Damaged'],
];

test.use({ previewConfig: { withKey: true, settings: FAST_SETTINGS } });

test('import, caption with failures, retry, fix by keyboard, export and unzip', async ({
  app: page,
  workdir,
  fake,
  preview,
}) => {
  const folder = await copyFixtures(workdir);
  const downscale = FAST_SETTINGS.downscale ?? 1536;
  const [blocked, failsOnce] = await Promise.all([
    uploadKeyOf(join(folder, BLOCKED), 'png', downscale),
    uploadKeyOf(join(folder, FAILS_ONCE), 'jpeg', downscale),
  ]);

  await test.step('start screen: the empty state', async () => {
    await expect(page.getByText('No datasets yet')).toBeVisible();
    await snap(page, 'start-empty');
  });

  await test.step('new dataset: the trigger word is checked as it is typed', async () => {
    await page.getByRole('button', { name: 'New dataset' }).click();
    const form = dialog(page, 'New dataset');
    const trigger = form.getByRole('textbox', { name: 'Trigger word' });
    await trigger.pressSequentially('ide main hall');
    await expect(trigger).toHaveAttribute('aria-invalid', 'true');
    await expect(trigger).toHaveAccessibleDescription(/letters, digits or underscores.*no spaces or punctuation/u);
    await snap(page, 'new-dataset-invalid-trigger');
    await trigger.fill('');
    await trigger.pressSequentially(TRIGGER);
    await expect(trigger).toHaveAttribute('aria-invalid', 'false');
    await expect(form.getByText(`${PREFIX.trim()} a description…`)).toBeVisible();
    await expect(form.getByRole('button', { name: 'Create and import' })).toBeDisabled();
  });

  await test.step('choose the folder by typing its path', async () => {
    const form = dialog(page, 'New dataset');
    await form.getByRole('button', { name: 'Choose folder…' }).click();
    await snap(page, 'path-prompt-folder');
    await answerPathPrompt(page, 'Choose a folder', folder);
    await expect(form.getByText('dropped-folder', { exact: true })).toBeVisible();
    await snap(page, 'new-dataset-ready');
    await form.getByRole('button', { name: 'Create and import' }).click();
  });

  await test.step('import report: 12 imported, every skipped file with its reason', async () => {
    const report = dialog(page, '12 images added, 6 files skipped');
    await expect(report).toBeVisible({ timeout: 90_000 });
    const rows = report.getByRole('region', { name: 'Skipped files' }).getByRole('listitem');
    await expect(rows).toHaveCount(SKIPPED.length);
    for (const [file, tag] of SKIPPED) {
      const row = rows.filter({ has: page.getByText(file, { exact: true }) });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(tag);
    }
    await snap(page, 'import-report');
    await report.getByRole('button', { name: 'Start reviewing' }).click();
    await expect(page.getByRole('listbox', { name: 'Images' }).getByRole('option')).toHaveCount(12);
    await expect(tile(page, 'Vacation 2025/IMG_0002.jpeg')).toHaveAccessibleName(/Captioned$/u);
    await snap(page, 'workspace-imported');
  });

  await test.step('caption all: the confirmation shows model, cost and time', async () => {
    fake.setBehaviour({ fault: journeyFaults({ blocked, failsOnce }), failRate: 0.2, seed: 5, latencyMs: 700 });
    await page.getByRole('button', { name: 'Caption…' }).click();
    const confirm = dialog(page, 'Caption images');
    await expect(confirm.getByRole('radio', { name: /Images without a caption/u })).toBeChecked();
    // The default chain: three models, in order.
    await expect(confirm.getByText('Models, in order', { exact: true }).locator('..')).toContainText(/Gemini \d/u);
    await expect(confirm.getByText('Estimated cost', { exact: true }).locator('..')).toContainText('$');
    await expect(confirm.getByText('Estimated time', { exact: true }).locator('..')).toContainText('at least');
    await snap(page, 'caption-confirm');
    await confirm.getByRole('button', { name: 'Caption 11 images' }).click();
  });

  await test.step('the run bar shows progress, then the failures with their reasons', async () => {
    await expect(page.getByRole('progressbar', { name: 'Captioning progress' })).toBeVisible();
    await expect(page.getByText(/^Captioning \d+ of 11$/u)).toBeVisible();
    await snap(page, 'run-progress');
    await expect(page.getByText('Run finished: 9 captions written, 2 failed')).toBeVisible({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Show failed (2)' }).click();
    const failed = page.getByRole('region', { name: 'Images that failed' }).getByRole('listitem');
    await expect(failed).toHaveCount(2);
    await expect(failed.filter({ hasText: BLOCKED })).toContainText('Blocked');
    await expect(failed.filter({ hasText: FAILS_ONCE })).toContainText('Failed');
    for (const row of await failed.all()) await expect(row).not.toContainText('No reason given.');
    await snap(page, 'run-finished-with-failures');
    // Seeded transient faults hit other images too, and the run retried them until they went through.
    const generations = fake.requests.filter((r) => r.kind === 'generateContent');
    expect(generations.filter((r) => r.outcome === 'ok')).toHaveLength(9);
    expect(generations.length).toBeGreaterThan(11);
  });

  await test.step('retry: the flaky image goes through, the refused one stays blocked', async () => {
    await page.getByRole('button', { name: 'Retry failed' }).click();
    await expect(page.getByText('Run finished: 1 caption written, 1 failed')).toBeVisible({ timeout: 60_000 });
    await expect(tile(page, FAILS_ONCE)).toHaveAccessibleName(/Captioned$/u);
    await expect(tile(page, BLOCKED)).toHaveAccessibleName(/Blocked$/u);
  });

  await test.step('keyboard: move with arrows and J/K, write the blocked caption, save and go on', async () => {
    await tile(page, FAILS_ONCE).click();
    await expect(editorTitle(page)).toHaveText(FAILS_ONCE);
    await page.keyboard.press('j');
    await expect(editorTitle(page)).toHaveText('Vacation 2025/IMG_0001.jpg');
    await page.keyboard.press('ArrowRight');
    await expect(editorTitle(page)).toHaveText('Vacation 2025/IMG_0002.jpeg');
    await page.keyboard.press('k');
    await expect(editorTitle(page)).toHaveText('Vacation 2025/IMG_0001.jpg');
    await page.keyboard.press('End');
    await expect(editorTitle(page)).toHaveText('studio/rotated-exif6.jpg');
    await page.keyboard.press('ArrowLeft');
    await expect(editorTitle(page)).toHaveText(BLOCKED);
    await expect(page.getByText('Gemini refused this image.')).toBeVisible();

    await page.keyboard.press('Enter');
    const field = captionField(page);
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(PREFIX);
    await page.keyboard.type(TYPED_BLOCKED.slice(PREFIX.length));
    await snap(page, 'editor-typing');
    await page.keyboard.press('Control+Enter');
    await expect(editorTitle(page)).toHaveText('studio/rotated-exif6.jpg');
    await expect(tile(page, BLOCKED)).toHaveAccessibleName(/Edited$/u);
  });

  await test.step('a caption that breaks the format is flagged in red; fixed, it saves on leaving the field', async () => {
    const field = captionField(page);
    await expect(field).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('a photo stored sideways');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(
      `Caption must start with "${PREFIX.trim()}" (trigger word case as typed).`,
    );
    await expect.poll(() => borderColour(field)).toMatchObject({ reddish: true });
    await snap(page, 'editor-invalid-caption');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(TYPED_FIXED);
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect.poll(() => borderColour(field)).toMatchObject({ reddish: false });
    await page.keyboard.press('Escape');
    await expect(field).not.toBeFocused();
    await expect(tile(page, 'studio/rotated-exif6.jpg')).toHaveAccessibleName(/Edited$/u);
  });

  await test.step('typed captions survive a reload (autosaved)', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Open dropped-folder' }).click();
    await tile(page, BLOCKED).click();
    await expect(captionField(page)).toHaveValue(TYPED_BLOCKED);
    await tile(page, 'studio/rotated-exif6.jpg').click();
    await expect(captionField(page)).toHaveValue(TYPED_FIXED);
    await snap(page, 'workspace-captioned');
  });

  const zipPath = join(workdir, `${TRIGGER}_training.zip`);
  await test.step('the check before the export, then the ZIP to a typed path; "Show in folder" at the end', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    // The shared photos are small (under FLUX's 1,024 px): the check says so and the export waits for the user.
    const check = page.getByRole('region', { name: 'Dataset check' });
    await expect(check.getByRole('listitem').filter({ hasText: 'low-resolution' })).toBeVisible();
    await check.getByRole('button', { name: 'Export anyway' }).click();
    await dialog(page, /^Export$/u)
      .getByRole('button', { name: 'Export ZIP…' })
      .click();
    const prompt = dialog(page, 'Save as');
    await expect(prompt.getByRole('textbox')).toHaveValue(`${TRIGGER}_training.zip`);
    await snap(page, 'export-save-prompt');
    await answerPathPrompt(page, 'Save as', zipPath);
    const done = dialog(page, 'Export complete');
    await expect(done).toBeVisible({ timeout: 60_000 });
    await expect(done).toContainText('12 images with captions');
    await snap(page, 'export-complete');
    await done.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => preview.output.join('')).toContain(`[preview] show in folder: ${zipPath}`);
  });

  await test.step('the ZIP holds 12 image + caption pairs in the trainer format', async () => {
    const entries = await readZip(zipPath);
    expect(entries.size).toBe(24);
    const captions = [...entries].filter(([name]) => name.endsWith('.txt')).map(([, b]) => b.toString('utf8'));
    expect(captions).toHaveLength(12);
    for (const caption of captions) expect(caption.startsWith(PREFIX)).toBe(true);
    expect(captions).toContain(TYPED_BLOCKED);
    expect(captions).toContain(TYPED_FIXED);
    for (const name of entries.keys()) expect(name).not.toContain('/');
  });
});
