import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { captionField, createDataset, dialog, editorTitle, tile } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, test } from './support/test';

/**
 * The caption field never changes what the user typed behind their back, and never lets a field that was only
 * visited overwrite a caption: the autosave during a pause, a caption arriving while the field is focused, and
 * Regenerate on a caption written by hand (offered back with Undo).
 */

const TRIGGER = 'safe_test';
const IMPORTED = `photo of ${TRIGGER} a man`;

async function openDataset(page: Page, workdir: string): Promise<[string, string]> {
  const folder = join(workdir, 'photos');
  const [withCaption, without] = await writePhotos(folder, 2);
  if (!withCaption || !without) throw new Error('expected two photos');
  await writeFile(join(folder, withCaption.replace(/\.jpg$/u, '.txt')), IMPORTED);
  const report = await createDataset(page, TRIGGER, folder);
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  return [withCaption, without];
}

test('a pause after a space keeps the space (the autosave never glues words); Undo after Regenerate', async ({
  app: page,
  workdir,
}) => {
  const [withCaption] = await openDataset(page, workdir);
  await tile(page, withCaption).click();
  await page.keyboard.press('Enter');
  const field = captionField(page);
  await expect(field).toBeFocused();
  await page.keyboard.type(' tall ');
  // The pause saves the caption (trimmed) while the field keeps focus and the space typed before the next word.
  await expect(tile(page, withCaption)).toHaveAccessibleName(/, Edited$/u);
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(`${IMPORTED} tall `);
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await page.keyboard.type('walking');
  await expect(field).toHaveValue(`${IMPORTED} tall walking`);
  await page.keyboard.press('Escape');

  // Regenerate replaces the typed caption with Gemini's, and offers the typed one back.
  await page.getByRole('button', { name: 'Regenerate' }).click();
  const undo = page.getByRole('status').filter({ hasText: `New caption for ${withCaption}.` });
  await expect(undo).toBeVisible();
  await expect(field).not.toHaveValue(`${IMPORTED} tall walking`);
  await expect(tile(page, withCaption)).toHaveAccessibleName(/, Captioned$/u);
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(field).toHaveValue(`${IMPORTED} tall walking`);
  await expect(tile(page, withCaption)).toHaveAccessibleName(/, Edited$/u);

  await page.reload();
  await page.getByRole('button', { name: 'Open photos' }).click();
  await tile(page, withCaption).click();
  await expect(captionField(page)).toHaveValue(`${IMPORTED} tall walking`);
});

test('a field only visited while its caption is on the way does not overwrite the caption', async ({
  app: page,
  workdir,
  fake,
}) => {
  const [, without] = await openDataset(page, workdir);
  fake.setBehaviour({ latencyMs: 2_500 });
  await page.getByRole('button', { name: 'Caption…' }).click();
  await dialog(page, 'Caption images').getByRole('button', { name: 'Caption 1 image' }).click();
  await tile(page, without).click();
  await page.keyboard.press('Enter');
  const field = captionField(page);
  await expect(field).toHaveValue(`photo of ${TRIGGER} `);
  // Gemini's caption arrives while the field (holding only the starter) has focus: the field shows it.
  await expect(tile(page, without)).toHaveAccessibleName(/, Captioned$/u, { timeout: 20_000 });
  await expect(field).not.toHaveValue(`photo of ${TRIGGER} `);
  const fromGemini = await field.inputValue();
  expect(fromGemini).toMatch(new RegExp(`^photo of ${TRIGGER} \\S`, 'u'));
  await page.keyboard.press('Escape');
  await expect(tile(page, without)).toHaveAccessibleName(/, Captioned$/u);
  await expect(field).toHaveValue(fromGemini);
});

test('text typed just before the page dies comes back when the dataset opens again, and is saved', async ({
  app: page,
  workdir,
  preview,
}) => {
  const [withCaption] = await openDataset(page, workdir);
  await tile(page, withCaption).click();
  await page.keyboard.press('Enter');
  await page.keyboard.type(' by the door');
  // Gone before the autosave's pause, without its unload handlers: what a crash or a killed app looks like.
  await page.close({ runBeforeUnload: false });

  const again = await page.context().newPage();
  await again.goto(preview.url);
  await again.getByRole('button', { name: 'Open photos' }).click();
  await expect(again.getByRole('status').filter({ hasText: /Brought back 1 caption/u })).toBeVisible();
  await expect(tile(again, withCaption)).toHaveAccessibleName(/, Edited$/u);
  await tile(again, withCaption).click();
  await expect(captionField(again)).toHaveValue(`${IMPORTED} by the door`);
});

test('J/K keep moving after a click on Next; the position counts the filtered list', async ({ app: page, workdir }) => {
  const [withCaption, without] = await openDataset(page, workdir);
  await tile(page, withCaption).click();
  const editor = page.getByRole('complementary', { name: 'Caption editor' });
  await expect(editor).toContainText('1 of 2');
  await editor.getByRole('button', { name: 'Next image (J)' }).click();
  await expect(editorTitle(page)).toHaveText(without);
  await page.keyboard.press('k');
  await expect(editorTitle(page)).toHaveText(withCaption);
  await page.getByRole('button', { name: /^Needs caption/u }).click();
  await expect(editorTitle(page)).toHaveText(without);
  await expect(editor).toContainText('1 of 1');
});
