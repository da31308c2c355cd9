import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createDataset, dialog, tile } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, test } from './support/test';

/**
 * axe-core (WCAG 2.1 A and AA rules) over every screen and dialog, in the light and the dark theme: names on
 * controls, contrast, roles, focusable regions. A finding fails the test with the rule, the element and why.
 */

async function expectNoViolations(page: Page, where: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const found = violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`),
    );
    expect(found, `${where}, ${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('every screen and dialog passes axe (WCAG 2.1 AA) in both themes', async ({ app: page, workdir }) => {
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
  await dialog(page, 'Caption images').getByRole('button', { name: 'Caption 6 images' }).click();
  for (const name of names) await expect(tile(page, name)).toHaveAccessibleName(/, Captioned$/u);
  await expectNoViolations(page, 'workspace after a run');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expectNoViolations(page, 'settings');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Back to datasets' }).click();
  await expect(page.getByRole('button', { name: 'Open photos' })).toBeVisible();
  await expectNoViolations(page, 'start screen with a dataset');
});
