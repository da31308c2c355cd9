import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FAKE_API_KEY } from '../fake-gemini';
import { expectNoViolations } from './support/axe';
import { createDataset, dialog, tile } from './support/flows';
import { writePhotos } from './support/photos';
import { startPreview } from './support/preview-process';
import { expect, FAST_SETTINGS, snap, test } from './support/test';

/**
 * "Batch (half price, results within 24 h)": the run bar through the job's states (preparing, waiting, running,
 * done) with screenshots and axe in both themes, a Cancel that asks first, and a job that survives a page reload
 * and a restart of the preview, followed to its results without ever being submitted twice.
 */

const COUNT = 6;

const runBar = (page: Page) => page.getByRole('contentinfo');
const queuedTiles = (page: Page) => page.getByRole('option', { name: /, Queued$/u });

test('a batch job survives a reload and a preview restart, then its captions come in', async ({
  app: page,
  workdir,
  fake,
  preview,
}) => {
  test.setTimeout(240_000);
  const names = await writePhotos(join(workdir, 'photos'), COUNT);
  const report = await createDataset(page, 'batch_test', join(workdir, 'photos'));
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  await expect(page.getByRole('listbox', { name: 'Images' }).getByRole('option')).toHaveCount(COUNT);

  // The job moves only when the test says, and its submission waits until the test has looked at it.
  let release = () => {};
  const submitting = new Promise<void>((resolve) => {
    release = resolve;
  });
  fake.setBehaviour({ batchProgress: 'manual', hold: (kind) => (kind === 'batches.create' ? submitting : undefined) });

  await page.getByRole('button', { name: 'Caption…' }).click();
  const captionDialog = dialog(page, 'Caption images');
  await captionDialog.getByRole('checkbox', { name: /Batch \(half price, results within 24 h\)/u }).check();
  await expect(captionDialog.getByText('within 24 h', { exact: true })).toBeVisible();
  await snap(page, 'batch-caption-dialog');
  await expectNoViolations(page, 'caption dialog with the batch option');
  await captionDialog.getByRole('button', { name: `Caption ${COUNT} images` }).click();

  await expect(runBar(page).getByText(`Submitting the batch of ${COUNT} images to Gemini`)).toBeVisible();
  await expect(queuedTiles(page)).toHaveCount(COUNT);
  await snap(page, 'batch-submitting');
  await expectNoViolations(page, 'run bar while the batch is prepared');
  release();
  await expect(runBar(page).getByText(`Batch of ${COUNT} images waiting at Gemini`)).toBeVisible();
  await expect(runBar(page).getByText(/half the price of a normal run · results within 24 hours/u)).toBeVisible();
  await snap(page, 'batch-waiting');
  await expectNoViolations(page, 'run bar with a batch waiting at Gemini');

  await runBar(page).getByRole('button', { name: 'Cancel…' }).click();
  await expect(runBar(page).getByRole('group', { name: 'Cancel the batch job?' })).toBeVisible();
  await snap(page, 'batch-cancel-question');
  await expectNoViolations(page, 'the question before a batch is cancelled');
  await runBar(page).getByRole('button', { name: 'Keep waiting' }).click();
  await expect(runBar(page).getByRole('button', { name: 'Cancel…' })).toBeFocused();

  // A reload of the page: the job is read back from the dataset.
  await page.reload();
  await page.getByRole('button', { name: 'Open photos' }).click();
  await expect(runBar(page).getByText(`Batch of ${COUNT} images waiting at Gemini`)).toBeVisible();
  await expect(queuedTiles(page)).toHaveCount(COUNT);

  // A restart of the whole preview (the app closed and opened again): the same job, followed again.
  await preview.stop();
  const again = await startPreview({
    dataDir: join(workdir, 'data'),
    geminiUrl: fake.url,
    settings: FAST_SETTINGS,
    apiKey: FAKE_API_KEY,
  });
  try {
    await page.goto(again.url);
    await page.getByRole('button', { name: 'Open photos' }).click();
    await expect(runBar(page).getByText(`Batch of ${COUNT} images waiting at Gemini`)).toBeVisible();
    const [id] = [...fake.state.batches.keys()];
    fake.advanceBatch(`batches/${id}`);
    await expect(runBar(page).getByText(`Batch of ${COUNT} images running at Gemini`)).toBeVisible();
    await snap(page, 'batch-running');

    fake.settleBatch(`batches/${id}`, 'SUCCEEDED');
    await expect(runBar(page).getByText(`Run finished: ${COUNT} captions written`)).toBeVisible();
    for (const name of names) await expect(tile(page, name)).toHaveAccessibleName(/, Captioned$/u);
    await expect(runBar(page).getByText(/Half price: \$0\.\d{4} saved against a normal run/u)).toBeVisible();
    await snap(page, 'batch-finished');
    await expectNoViolations(page, 'run bar after the batch finished');
    expect(fake.requests.filter((r) => r.kind === 'batches.create')).toHaveLength(1);
    expect(fake.state.uploadedFiles()).toEqual([]);
  } finally {
    await again.stop();
  }
});
