import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captionField, createDataset, dialog, editorTitle } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, snap, test } from './support/test';

/**
 * Export… while images still lack a caption: no options, no save prompt, but the dataset check with the images to fix
 * (the export cannot go on); picking one opens it in the editor, ready to type.
 */

const TRIGGER = 'blk_test';

test('export is held by the check with the images that need a caption; clicking one selects it', async ({
  app: page,
  workdir,
}) => {
  const folder = join(workdir, 'photos');
  const [captioned, second, third] = await writePhotos(folder, 3);
  if (!captioned || !second || !third) throw new Error('expected three photos');
  await writeFile(join(folder, captioned.replace(/\.jpg$/u, '.txt')), `photo of ${TRIGGER} a red square with a band`);

  const report = await createDataset(page, TRIGGER, folder);
  await expect(report).toHaveAccessibleName('3 images added');
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  await expect(editorTitle(page)).toHaveText(captioned);

  await page.getByRole('button', { name: 'Export…' }).click();
  const check = page.getByRole('region', { name: 'Dataset check' });
  await expect(check.getByText(/Before exporting: the export needs every included image/u)).toBeVisible();
  await expect(check.getByRole('button', { name: 'Export anyway' })).toBeDisabled();
  await expect(dialog(page, 'Save as')).toHaveCount(0);
  await expect(dialog(page, /^Export$/u)).toHaveCount(0);
  const missing = check.getByRole('listitem').filter({ hasText: '2 images have no caption.' });
  await expect(missing).toContainText('Error');
  const images = missing.getByRole('list', { name: 'Images' }).getByRole('button');
  await expect(images).toHaveCount(2);
  await expect(images.nth(0)).toHaveAccessibleName(second);
  await expect(images.nth(1)).toHaveAccessibleName(third);
  await snap(page, 'export-blocked');

  await images.nth(1).click();
  await expect(editorTitle(page)).toHaveText(third);
  await expect(
    page.getByRole('listbox', { name: 'Images' }).getByRole('option', { selected: true }),
  ).toHaveAccessibleName(`${third}, New`);
  await expect(captionField(page)).toBeFocused();
  await expect(captionField(page)).toHaveValue(`photo of ${TRIGGER} `);
});
