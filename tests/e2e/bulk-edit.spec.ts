import { join } from 'node:path';
import { expectNoViolations } from './support/axe';
import { writeCaptionedPhotos } from './support/captioned';
import { answerPathPrompt, captionField, createDataset, dialog, editorTitle, tile } from './support/flows';
import { expect, snap, test } from './support/test';

/**
 * Editing the whole dataset at once and taking it back: select a range, bulk replace with its preview, undo and
 * redo (also after a reload), restore an earlier version of one image, and find images with the search language.
 */

const TRIGGER = 'hall_test';
const PREFIX = `photo of ${TRIGGER} `;
const DESCRIPTIONS = [
  'a red brick wall beside a wooden door',
  'a tall window with red curtains',
  'a long corridor with a grey stone floor',
];
/** Far longer than CLIP's 77 tokens: the editor marks where CLIP stops reading. */
const LONG = `a vast main hall ${'with carved wooden benches, tall arched windows and brass lamps '.repeat(6)}seen from the stage`;
const COUNT = 12;
/** In 10 captions of 12: the check reports it (a phrase in 80% of captions teaches the trigger nothing). */
const SHARED = ' in soft morning light';
const captionOf = (i: number) => (i === COUNT - 1 ? LONG : `${DESCRIPTIONS[i % 3]}${i < 10 ? SHARED : ''}`);

test('select a range, bulk replace with a preview, undo and redo (also after a reload), restore a version, search', async ({
  app: page,
  workdir,
}) => {
  const folder = join(workdir, 'photos');
  const names = await writeCaptionedPhotos(folder, TRIGGER, COUNT, captionOf);
  const name = (i: number) => names[i] ?? '';
  const report = await createDataset(page, TRIGGER, folder);
  await report.getByRole('button', { name: 'Start reviewing' }).click();
  const gallery = page.getByRole('listbox', { name: 'Images' });

  await test.step('the token counter marks what CLIP never reads', async () => {
    await tile(page, name(COUNT - 1)).click();
    const editor = page.getByRole('complementary', { name: 'Caption editor' });
    await expect(editor.getByText(/^CLIP \d+\/77$/u)).toBeVisible();
    await expect(editor.getByText(/^T5 ≈\d+\/512$/u)).toBeVisible();
    await expect(editor.locator('.caption-backdrop mark')).toHaveText(/seen from the stage$/u);
    await expect(editor.getByText(/are past CLIP’s 77 tokens/u)).toBeVisible();
    // In the field the caret goes to the end, where the marked words are.
    await page.keyboard.press('Enter');
    await snap(page, 'editor-clip-cut-off');
    await page.keyboard.press('Escape');
  });

  await test.step('click, then Shift+click selects the range; the count is shown', async () => {
    await tile(page, name(1)).click();
    await tile(page, name(4)).click({ modifiers: ['Shift'] });
    await expect(page.getByText('4 images selected')).toBeVisible();
    for (const i of [1, 2, 3, 4]) await expect(tile(page, name(i))).toHaveAttribute('aria-selected', 'true');
    await expect(tile(page, name(5))).toHaveAttribute('aria-selected', 'false');
    await snap(page, 'gallery-range-selected');
  });

  await test.step('bulk replace: a bad pattern is an error, the preview marks every change, one step applies it', async () => {
    await gallery.focus();
    await page.keyboard.press('b');
    const bulk = dialog(page, 'Edit captions in bulk');
    await expect(bulk).toBeVisible();
    await expect(bulk.getByText('The 4 selected images')).toBeVisible();
    await bulk.getByRole('checkbox', { name: 'Regular expression' }).check();
    await bulk.getByRole('textbox', { name: 'Find' }).fill('(red');
    await expect(bulk.getByRole('alert')).toHaveText(/^Not a valid regular expression/u);
    await expect(bulk.getByRole('button', { name: /^Apply/u })).toBeDisabled();
    await bulk.getByRole('checkbox', { name: 'Regular expression' }).uncheck();
    await bulk.getByRole('textbox', { name: 'Find' }).fill('red');
    await bulk.getByRole('textbox', { name: 'Replace with' }).fill('crimson');
    // Photos 1, 2 and 4 of the range mention red (0-based: 1 is "a tall window with red curtains").
    await expect(bulk.getByRole('status')).toHaveText('3 captions will change');
    const preview = bulk.getByRole('region', { name: 'Preview' });
    await expect(preview.getByRole('listitem')).toHaveCount(3);
    await expect(preview.locator('del').first()).toHaveText('red');
    await expect(preview.locator('ins').first()).toHaveText('crimson');
    await snap(page, 'bulk-replace-preview');
    await expectNoViolations(page, 'bulk edit dialog with a preview');
    await bulk.getByRole('button', { name: 'Apply to 3 captions' }).click();
    await expect(bulk).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Replaced in 3 captions.' })).toBeVisible();
    await tile(page, name(1)).click();
    await expect(captionField(page)).toHaveValue(`${PREFIX}a tall window with crimson curtains${SHARED}`);
  });

  const undoKey = 'Control+z';
  const redoKey = 'Control+Shift+z';
  await test.step('Ctrl+Z undoes the bulk edit as one step, Ctrl+Shift+Z redoes it', async () => {
    await gallery.focus();
    await page.keyboard.press(undoKey);
    await expect(page.getByRole('status').filter({ hasText: 'Undid bulk replace on 3 captions.' })).toBeVisible();
    await expect(captionField(page)).toHaveValue(`${PREFIX}a tall window with red curtains${SHARED}`);
    await page.keyboard.press(redoKey);
    await expect(page.getByRole('status').filter({ hasText: 'Redid bulk replace on 3 captions.' })).toBeVisible();
    await expect(captionField(page)).toHaveValue(`${PREFIX}a tall window with crimson curtains${SHARED}`);
  });

  await test.step('inside the caption field Ctrl+Z is the field’s own undo, not the dataset’s', async () => {
    const crimson = `${PREFIX}a tall window with crimson curtains${SHARED}`;
    await page.keyboard.press('Enter');
    await expect(captionField(page)).toBeFocused();
    await page.keyboard.type(' at dusk');
    await page.keyboard.press(undoKey);
    // The field took back some of the typing (how much at once is the browser's business); the dataset's undo
    // would have brought "red" back and said so.
    await expect(captionField(page)).not.toHaveValue(`${crimson} at dusk`);
    await expect(captionField(page)).toHaveValue(new RegExp(`^${crimson}`, 'u'));
    await expect(page.getByRole('status').filter({ hasText: 'Undid' })).toHaveCount(0);
    await captionField(page).fill(crimson);
    await page.keyboard.press('Escape');
  });

  await test.step('after a reload the history is still there: undo and redo again', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Open photos' }).click();
    await tile(page, name(1)).click();
    await expect(captionField(page)).toHaveValue(`${PREFIX}a tall window with crimson curtains${SHARED}`);
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
      'title',
      /^Undo bulk replace, 3 captions/u,
    );
    await gallery.focus();
    await page.keyboard.press(undoKey);
    await expect(captionField(page)).toHaveValue(`${PREFIX}a tall window with red curtains${SHARED}`);
    await page.keyboard.press(redoKey);
    await expect(captionField(page)).toHaveValue(`${PREFIX}a tall window with crimson curtains${SHARED}`);
  });

  await test.step('each image shows its earlier versions with who wrote them; Restore brings one back', async () => {
    const editor = page.getByRole('complementary', { name: 'Caption editor' });
    await editor.getByRole('button', { name: /Earlier versions/u }).click();
    const versions = editor.getByRole('listitem');
    // Newest first: the undo and redo steps, the bulk replace, and the caption as imported.
    await expect(versions.filter({ hasText: 'bulk replace' })).toHaveCount(1);
    await expect(versions.last()).toContainText('original');
    await snap(page, 'editor-earlier-versions');
    await versions
      .filter({ hasText: 'original' })
      .getByRole('button', { name: /^Restore/u })
      .click();
    await expect(captionField(page)).toHaveValue(`${PREFIX}a tall window with red curtains${SHARED}`);
    await expect(
      page.getByRole('status').filter({ hasText: `Restored an earlier version of ${name(1)}.` }),
    ).toBeVisible();
    // The caption it replaced is now the newest earlier version.
    await expect(versions.first()).toContainText('crimson');
  });

  await test.step('search with the filter language; a bad regular expression is shown, not thrown', async () => {
    const search = page.getByRole('searchbox', { name: 'Search captions and file names' });
    await search.fill('red -window');
    // Photos 0, 6 and 9 still have the red brick wall (3's is crimson); 1 is red again, but has a window.
    await expect(page.getByText(`3 of ${COUNT}`)).toBeVisible();
    await expect(gallery.getByRole('option')).toHaveCount(3);
    await search.fill('"grey stone" words>14 -words>15');
    // Photos 2, 5 and 8 (15 words each).
    await expect(page.getByText(`3 of ${COUNT}`)).toBeVisible();
    await search.fill('"grey stone" words>15');
    await expect(gallery.getByText(/No image matches this search/u)).toBeVisible();
    await search.fill('tokens>77');
    await expect(page.getByText(`1 of ${COUNT}`)).toBeVisible();
    await expect(editorTitle(page)).toHaveText(name(COUNT - 1));
    await search.fill('crimson /(/');
    await expect(page.getByText(/is not a valid regular expression/u)).toBeVisible();
    await expect(search).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Search help' }).click();
    await snap(page, 'search-error-and-help');
    await expectNoViolations(page, 'search with an error and its help');
    await page.getByRole('button', { name: 'Search help' }).click();
    await search.press('Escape');
    await expect(search).toHaveValue('');
    await expect(gallery.getByRole('option')).toHaveCount(COUNT);
  });

  await test.step('the check lists what would hurt training; a fix is one click and one undo', async () => {
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Dataset check' });
    const shared = panel.getByRole('listitem').filter({ hasText: '"in soft morning light" is in 10 captions' });
    await expect(shared).toBeVisible();
    await expect(panel.getByRole('listitem').filter({ hasText: 'low-resolution' })).toBeVisible();
    await snap(page, 'check-panel');
    await expectNoViolations(page, 'dataset check panel');
    await shared.getByRole('button', { name: 'Select 10 images' }).click();
    await expect(page.getByText('10 images selected')).toBeVisible();
    await shared.getByRole('button', { name: 'Remove "in soft morning light"' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Removed from 10 captions.' })).toBeVisible();
    await expect(panel.getByRole('listitem').filter({ hasText: 'in soft morning light' })).toHaveCount(0);
    await tile(page, name(1)).click();
    await expect(captionField(page)).toHaveValue(`${PREFIX}a tall window with red curtains`);
    await gallery.focus();
    await page.keyboard.press(undoKey);
    await expect(page.getByRole('status').filter({ hasText: 'Undid bulk remove on 10 captions.' })).toBeVisible();
    await expect(captionField(page)).toHaveValue(`${PREFIX}a tall window with red curtains${SHARED}`);
    await expect(panel.getByText(/Captions changed since this check/u)).toBeVisible();
  });

  await test.step('every export is checked first, and goes on when the user says so', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const panel = page.getByRole('region', { name: 'Dataset check' });
    await expect(panel.getByText(/Before exporting: these may hurt training/u)).toBeVisible();
    await snap(page, 'check-before-export');
    await panel.getByRole('button', { name: 'Export anyway' }).click();
    await dialog(page, /^Export$/u)
      .getByRole('button', { name: 'Export ZIP…' })
      .click();
    await answerPathPrompt(page, 'Save as', join(workdir, 'hall.zip'));
    await expect(dialog(page, 'Export complete')).toBeVisible();
    await expect(panel).toBeHidden();
  });

  await test.step('at the smallest window (960 x 620) the top bar, the search and the check still fit', async () => {
    await dialog(page, 'Export complete').getByRole('button', { name: 'Done' }).click();
    await page.setViewportSize({ width: 960, height: 620 });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Dataset check' });
    await expect(panel.getByRole('listitem').first()).toBeVisible();
    for (const name of ['Undo', 'Check', 'Bulk edit…', 'Caption…', 'Export…', 'Settings']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
    }
    await expect(page.getByRole('searchbox', { name: 'Search captions and file names' })).toBeInViewport();
    await expect(gallery.getByRole('option').first()).toBeInViewport();
    await snap(page, 'workspace-smallest-window');
  });
});
