import { join } from 'node:path';
import { expectNoViolations } from './support/axe';
import { createDataset, dialog, tile } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, snap, test } from './support/test';

/**
 * A free Gemini key's daily quotas, handed over along the default chain: the fake Gemini allows 3 requests a day
 * on 2.5 Flash and 2 on Flash-Lite, so a run of 45 images finishes on Gemma 3 27B. The Caption dialog shows the
 * chain and the free-key plan first; the summary says how the chain was used; every caption records the model
 * that wrote it (still there after a reload), and the gallery filters by it. A second run, with every model out
 * of quota, stops and says when the quotas come back. axe checks each of these screens in both themes.
 */

const COUNT = 45;
const FLASH = 3;
const LITE = 2;
const GEMMA = COUNT - FLASH - LITE;

test('a daily quota moves the run along the chain; the summary and the captions say who wrote what', async ({
  app: page,
  workdir,
  fake,
}) => {
  const names = await writePhotos(join(workdir, 'photos'), COUNT);
  const report = await createDataset(page, 'quota_test', join(workdir, 'photos'));
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  fake.setBehaviour({ dailyQuota: { 'gemini-2.5-flash': FLASH, 'gemini-2.5-flash-lite': LITE } });

  await test.step('the Caption dialog shows the chain, the cost on a paid key and the free-key plan', async () => {
    await page.getByRole('button', { name: 'Caption…' }).click();
    const caption = dialog(page, 'Caption images');
    await expect(caption.getByText('Models, in order')).toBeVisible();
    await expect(
      caption.getByText('Gemini 2.5 Flash, then Gemini 2.5 Flash-Lite, then Gemma 3 27B', { exact: true }),
    ).toBeVisible();
    await expect(caption.getByText('paid key · $0 on a free key')).toBeVisible();
    await expect(
      caption.getByText(
        'On a free key, about 20 on Gemini 2.5 Flash, 20 on Gemini 2.5 Flash-Lite, the rest (5) on Gemma 3 27B.',
      ),
    ).toBeVisible();
    await snap(page, 'caption-dialog-chain');
    await expectNoViolations(page, 'caption dialog with a chain and a free-key plan');
    await caption.getByRole('button', { name: `Caption ${COUNT} images` }).click();
  });

  await test.step('the run finishes on Gemma 3 27B, and the summary says how it got there', async () => {
    await expect(page.getByText(`Run finished: ${COUNT} captions written`)).toBeVisible({ timeout: 60_000 });
    await expect(
      page.getByText(
        `Gemini 2.5 Flash ran out of daily quota, Gemini 2.5 Flash-Lite ran out of daily quota; ${FLASH} by Gemini 2.5 Flash, ${LITE} by Gemini 2.5 Flash-Lite, ${GEMMA} by Gemma 3 27B`,
      ),
    ).toBeVisible();
    const passed = fake.requests.filter((r) => r.kind === 'generateContent' && r.outcome === 'ok');
    expect(passed.filter((r) => r.model === 'gemma-3-27b-it')).toHaveLength(GEMMA);
    await snap(page, 'run-bar-quota-handover');
    await expectNoViolations(page, 'run bar after a quota hand-over, Written by filter');
  });

  const writtenBy = page.getByRole('combobox', { name: 'Written by' });
  const expectAuthors = () =>
    expect(writtenBy.getByRole('option')).toHaveText([
      'Anyone',
      `gemma-3-27b-it (${GEMMA})`,
      `gemini-2.5-flash (${FLASH})`,
      `gemini-2.5-flash-lite (${LITE})`,
    ]);

  await test.step('each caption records its model, after a reload too; the gallery filters by it', async () => {
    await expectAuthors();
    await page.reload();
    await page.getByRole('button', { name: 'Open photos' }).click();
    await expect(tile(page, names[0] ?? '')).toBeVisible();
    await expectAuthors();
    await writtenBy.selectOption({ label: `gemini-2.5-flash (${FLASH})` });
    await expect(page.getByRole('listbox', { name: 'Images' }).getByRole('option')).toHaveCount(FLASH);
    const editor = page.getByRole('complementary', { name: 'Caption editor' });
    await expect(editor.getByText('Written by gemini-2.5-flash', { exact: true })).toBeVisible();
  });

  await test.step('with every model out of quota, a run stops and says when the quotas come back', async () => {
    fake.setBehaviour({
      dailyQuota: { 'gemini-2.5-flash': FLASH, 'gemini-2.5-flash-lite': LITE, 'gemma-3-27b-it': GEMMA },
    });
    await page.getByRole('button', { name: `Select all ${FLASH}` }).click();
    await page.getByRole('button', { name: 'Caption…' }).click();
    await dialog(page, 'Caption images')
      .getByRole('button', { name: `Caption ${FLASH} images` })
      .click();
    await expect(
      page.getByText(
        new RegExp(
          `^Stopped: daily quota used up on every model until (today|tomorrow) at \\d{1,2}:\\d\\d(?: [AP]M)?\\. 0 captions written; ${FLASH} images left$`,
          'u',
        ),
      ),
    ).toBeVisible();
    // Nothing was lost: the three keep the captions Flash wrote.
    await expectAuthors();
    await snap(page, 'run-bar-quota-exhausted');
    await expectNoViolations(page, 'run bar with every quota used up, a Written by filter chosen');
  });
});
