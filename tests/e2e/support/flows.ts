import type { Locator, Page } from '@playwright/test';
import { expect } from './test';

/**
 * UI steps several specs share, written as a user does them: buttons and fields found by their accessible names.
 */

export function dialog(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}

/** The preview's in-page stand-in for a native file dialog: type the path, confirm. */
export async function answerPathPrompt(page: Page, title: string, path: string): Promise<void> {
  const prompt = dialog(page, title);
  await expect(prompt).toBeVisible();
  const field = prompt.getByRole('textbox');
  await field.fill(path);
  await prompt.getByRole('button', { name: title === 'Save as' ? 'Save' : 'Choose' }).click();
  await expect(prompt).toBeHidden();
}

/** New dataset -> trigger -> Choose folder… -> path -> Create and import; returns the import report dialog. */
export async function createDataset(page: Page, trigger: string, folder: string): Promise<Locator> {
  await page.getByRole('button', { name: 'New dataset' }).click();
  const form = dialog(page, 'New dataset');
  await form.getByRole('textbox', { name: 'Trigger word' }).fill(trigger);
  await form.getByRole('button', { name: 'Choose folder…' }).click();
  await answerPathPrompt(page, 'Choose a folder', folder);
  await form.getByRole('button', { name: 'Create and import' }).click();
  const report = dialog(page, /added/u);
  await expect(report).toBeVisible({ timeout: 90_000 });
  return report;
}

/** The gallery's tile for an image (its accessible name is "relPath, Status"). */
export function tile(page: Page, relPath: string): Locator {
  const escaped = relPath.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return page.getByRole('listbox', { name: 'Images' }).getByRole('option', { name: new RegExp(`^${escaped}, `, 'u') });
}

export function captionField(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Caption editor' }).getByRole('textbox', { name: 'Caption' });
}

/** The editor's heading: the relPath of the image being edited. */
export function editorTitle(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Caption editor' }).getByRole('heading', { level: 2 });
}

/** The computed top border colour, and whether red clearly dominates it (the invalid state, in either theme). */
export function borderColour(field: Locator): Promise<{ rgb: string; reddish: boolean }> {
  return field.evaluate((el) => {
    const rgb = getComputedStyle(el).borderTopColor;
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/gu) ?? []).map(Number);
    return { rgb, reddish: r > 120 && r > 1.6 * g && r > 1.6 * b };
  });
}
