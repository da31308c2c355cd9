import { join } from 'node:path';
import { createDataset, dialog } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, snap, test } from './support/test';

/**
 * Settings with Gemini: the model list is the one the key can use (from the fake Gemini's models.list, embedding
 * models left out, a model the catalogue does not know listed with "price not known"), each with its price per
 * 1,000 captions and free daily quota; the fallback chain (by default ending in Gemma 3 27B) is edited, saved, and
 * the Caption dialog uses it.
 */

test('pick a model from the key’s list and edit the fallback chain', async ({ app: page, workdir }) => {
  await writePhotos(join(workdir, 'photos'), 3);
  const report = await createDataset(page, 'chain_test', join(workdir, 'photos'));
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = dialog(page, 'Settings');
  await expect(settings.getByRole('button', { name: 'Google Gemini' })).toHaveAttribute('aria-pressed', 'true');

  const model = settings.getByRole('combobox', { name: 'Model', exact: true });
  await expect(settings.getByText('The models Gemini offers.', { exact: false })).toBeVisible();
  await expect(model.getByRole('option')).toHaveText([
    'Gemini 2.5 Flash — $0.16 per 1,000 captions · about 20 a day on a free key',
    'Gemini 2.5 Flash-Lite — $0.04 per 1,000 captions · about 20 a day on a free key',
    'Gemini 2.5 Pro — $0.66 per 1,000 captions',
    'Gemini 3 Flash — $0.23 per 1,000 captions · about 20 a day on a free key',
    'Gemma 3 27B — free · about 14,400 a day on a free key',
    'Gemini 2.5 flash preview 09 2025 — price not known',
  ]);
  await expect(model).toHaveValue('gemini-2.5-flash');

  const chain = settings.getByRole('list', { name: 'Fallback models' });
  await expect(chain.getByRole('listitem')).toHaveText([
    /^Gemini 2\.5 Flash\s*first$/u,
    'Gemini 2.5 Flash-Lite',
    'Gemma 3 27B',
  ]);
  await chain.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await snap(page, 'settings-gemini-models');

  await settings.getByRole('button', { name: 'Move Gemma 3 27B up' }).click();
  await settings.getByRole('button', { name: 'Take Gemini 2.5 Flash-Lite out of the chain' }).click();
  await settings.getByRole('combobox', { name: 'Fallback model to add' }).selectOption('gemini-3-flash-preview');
  await settings.getByRole('button', { name: 'Add fallback' }).click();
  await expect(chain.getByRole('listitem')).toHaveText([
    /^Gemini 2\.5 Flash\s*first$/u,
    'Gemma 3 27B',
    'Gemini 3 Flash',
  ]);

  // A model chosen first leaves the fallbacks: it is never its own fallback.
  await model.selectOption('gemma-3-27b-it');
  await expect(chain.getByRole('listitem')).toHaveText([/^Gemma 3 27B\s*first$/u, 'Gemini 3 Flash']);
  await model.selectOption('gemini-2.5-flash');
  await settings.getByRole('combobox', { name: 'Fallback model to add' }).selectOption('gemma-3-27b-it');
  await settings.getByRole('button', { name: 'Add fallback' }).click();
  await expect(chain.getByRole('listitem')).toHaveText([
    /^Gemini 2\.5 Flash\s*first$/u,
    'Gemini 3 Flash',
    'Gemma 3 27B',
  ]);
  await settings.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved for this dataset.')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Caption…' }).click();
  await expect(
    dialog(page, 'Caption images').getByText('Gemini 2.5 Flash, then Gemini 3 Flash, then Gemma 3 27B', {
      exact: true,
    }),
  ).toBeVisible();
});
