import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createDataset } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, snap, test } from './support/test';

/** The recent datasets on the start screen: rename in place (Enter keeps, Escape undoes), delete after a confirm. */

async function addDataset(page: Page, folder: string, trigger: string): Promise<void> {
  await writePhotos(folder, 2);
  const report = await createDataset(page, trigger, folder);
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  await page.getByRole('button', { name: 'Back to datasets' }).click();
}

test('rename and delete datasets from the start screen; the list survives a reload', async ({ app: page, workdir }) => {
  await addDataset(page, join(workdir, 'hall'), 'main_hall');
  await addDataset(page, join(workdir, 'stairs'), 'stairs_tok');
  const rows = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Open / }) });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('2 images');
  await snap(page, 'start-datasets');

  // Escape leaves the name as it was.
  await page.getByRole('button', { name: 'Rename hall' }).click();
  const field = page.getByRole('textbox', { name: 'Dataset name' });
  await expect(field).toBeFocused();
  await field.fill('Something else');
  await field.press('Escape');
  await expect(page.getByRole('button', { name: 'Open hall' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Something else' })).toHaveCount(0);

  // Enter keeps the new name.
  await page.getByRole('button', { name: 'Rename hall' }).click();
  await field.fill('Main hall, north side');
  await field.press('Enter');
  await expect(page.getByRole('button', { name: 'Open Main hall, north side' })).toBeVisible();

  // Delete asks first; Cancel keeps it, Delete removes it (the photos stay).
  await page.getByRole('button', { name: 'Delete stairs' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Open stairs' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete stairs' }).click();
  await page.getByRole('group', { name: 'Delete stairs?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “stairs”' })).toBeVisible();
  await expect(rows).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Open Main hall, north side' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open stairs' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open hall' })).toHaveCount(0);
});
