import { join } from 'node:path';
import { startFakeOpenAi } from '../fake-openai';
import { expectNoViolations } from './support/axe';
import { answerPathPrompt, createDataset, dialog, tile } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, test } from './support/test';

/** axe-core over every screen and dialog, in the light and the dark theme (see support/axe.ts). */

test('every screen and dialog passes axe (WCAG 2.1 AA) in both themes', async ({ app: page, workdir, fake }) => {
  await expectNoViolations(page, 'start screen, no datasets');

  await page.getByRole('button', { name: 'New dataset' }).click();
  await dialog(page, 'New dataset').getByRole('textbox', { name: 'Trigger word' }).fill('a!');
  await expectNoViolations(page, 'new dataset dialog with an invalid trigger');
  await page.keyboard.press('Escape');

  const names = await writePhotos(join(workdir, 'photos'), 6);
  const report = await createDataset(page, 'axe_test', join(workdir, 'photos'));
  await expectNoViolations(page, 'import report');
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  await tile(page, names[0] ?? '').click();
  await expectNoViolations(page, 'workspace');

  await page.getByRole('button', { name: 'Caption…' }).click();
  await expect(dialog(page, 'Caption images')).toBeVisible();
  await expectNoViolations(page, 'caption dialog');
  // The first image sent is blocked by the safety filter: the failed list and a blocked export get checked too.
  fake.setBehaviour({ fault: (req) => (req.imageKey !== null && req.index <= 1 ? 'safety' : undefined) });
  await dialog(page, 'Caption images').getByRole('button', { name: 'Caption 6 images' }).click();
  await expect(page.getByRole('button', { name: 'Show failed (1)' })).toBeVisible();
  await expectNoViolations(page, 'workspace after a run with a blocked image');
  await page.getByRole('button', { name: 'Show failed (1)' }).click();
  await expect(page.getByRole('region', { name: 'Images that failed' })).toBeVisible();
  await expectNoViolations(page, 'failed list');

  await page.getByRole('button', { name: 'Export…' }).click();
  const check = page.getByRole('region', { name: 'Dataset check' });
  await expect(check.getByText(/Before exporting: the export needs/u)).toBeVisible();
  await expectNoViolations(page, 'export held by the check');
  await check.getByRole('listitem').filter({ hasText: 'no caption' }).getByRole('list').getByRole('button').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('x'); // exclude the blocked image
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(check.getByText(/Before exporting: these may hurt training/u)).toBeVisible();
  await expectNoViolations(page, 'the check before an export, with warnings');
  await check.getByRole('button', { name: 'Export anyway' }).click();
  await dialog(page, /^Export$/u)
    .getByRole('button', { name: 'Export ZIP…' })
    .click();
  await expect(dialog(page, 'Save as')).toBeVisible();
  await expectNoViolations(page, 'save prompt');
  await answerPathPrompt(page, 'Save as', join(workdir, 'axe.zip'));
  const done = dialog(page, 'Export complete');
  await expect(done).toBeVisible();
  await expectNoViolations(page, 'export complete');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expectNoViolations(page, 'settings');
  // An OpenAI-compatible server, tested: its address, key field, model list and the Test verdict.
  const server = await startFakeOpenAi({ flavour: 'ollama', models: ['qwen2.5vl:7b'] });
  try {
    const settings = dialog(page, 'Settings');
    await settings.getByRole('button', { name: 'OpenAI-compatible server' }).click();
    await settings.getByRole('textbox', { name: 'Address (base URL)' }).fill(server.url);
    await settings.getByRole('combobox', { name: 'Model', exact: true }).selectOption('qwen2.5vl:7b');
    await settings.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(settings.getByRole('status')).toContainText('answers and offers 1 model');
    await expectNoViolations(page, 'settings with a server');
  } finally {
    await server.close();
  }
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Back to datasets' }).click();
  await expect(page.getByRole('button', { name: 'Open photos' })).toBeVisible();
  await expectNoViolations(page, 'start screen with a dataset');
});
