import { join } from 'node:path';
import { createDataset, dialog, tile } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, snap, test } from './support/test';

/**
 * A dataset closed while its run is paused and opened again: the images still waiting show "Queued" again (not
 * "New"), and resuming finishes them.
 */

const COUNT = 8;

test('reopening a dataset mid-run shows what is still queued; resume finishes it', async ({
  app: page,
  workdir,
  fake,
}) => {
  const names = await writePhotos(join(workdir, 'photos'), COUNT);
  const report = await createDataset(page, 'reopen_test', join(workdir, 'photos'));
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  const options = page.getByRole('listbox', { name: 'Images' }).getByRole('option');
  await expect(options).toHaveCount(COUNT);

  // Slow answers, so the pause lands while the first images are still in flight.
  fake.setBehaviour({ latencyMs: 1_500 });
  await page.getByRole('button', { name: 'Caption…' }).click();
  await dialog(page, 'Caption images')
    .getByRole('button', { name: `Caption ${COUNT} images` })
    .click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  // Pausing lets in-flight requests finish and starts none: wait until nothing is being captioned.
  await expect(page.getByRole('option', { name: /, Captioning$/u })).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole('option', { name: /, Queued$/u }).first()).toBeVisible();
  const queuedBefore = await page.getByRole('option', { name: /, Queued$/u }).count();
  expect(queuedBefore).toBeGreaterThan(0);
  expect(queuedBefore).toBeLessThan(COUNT);

  await page.getByRole('button', { name: 'Back to datasets' }).click();
  await page.getByRole('button', { name: 'Open photos' }).click();
  await expect(options).toHaveCount(COUNT);
  await expect(page.getByRole('option', { name: /, Queued$/u })).toHaveCount(queuedBefore);
  await expect(page.getByRole('option', { name: /, New$/u })).toHaveCount(0);
  await snap(page, 'run-reopened-paused');

  fake.setBehaviour({ latencyMs: 50 });
  await page.getByRole('button', { name: 'Resume' }).click();
  for (const name of names) await expect(tile(page, name)).toHaveAccessibleName(/, Captioned$/u);
  await expect(page.getByRole('option', { name: /, Queued$/u })).toHaveCount(0);
});
