import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captionField, createDataset, dialog, editorTitle } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, snap, test } from './support/test';

/**
 * Export… while images still lack a caption: no options, no save prompt, but the list of images to fix; picking one opens
 * it in the editor, ready to type.
 */

const TRIGGER = 'blk_test';

test('export is blocked with the images that need a caption; clicking one selects it', async ({
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
  const blocked = dialog(page, 'Not ready to export yet');
  await expect(blocked).toBeVisible();
  await expect(blocked).toContainText('2 images still need a valid caption.');
  await expect(dialog(page, 'Save as')).toHaveCount(0);
  await expect(dialog(page, /^Export$/u)).toHaveCount(0);
  const problems = blocked.getByRole('listitem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText(second);
  await expect(problems.nth(1)).toContainText(third);
  await expect(problems.nth(0)).toContainText('Needs a caption.');
  await snap(page, 'export-blocked');

  await problems.filter({ hasText: third }).getByRole('button').click();
  await expect(blocked).toBeHidden();
  await expect(editorTitle(page)).toHaveText(third);
  await expect(page.getByRole('button', { name: /^Needs caption/u })).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByRole('listbox', { name: 'Images' }).getByRole('option', { selected: true }),
  ).toHaveAccessibleName(`${third}, New`);
  await expect(captionField(page)).toBeFocused();
  await expect(captionField(page)).toHaveValue(`photo of ${TRIGGER} `);
});
