import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './test';

/**
 * axe-core (WCAG 2.1 A and AA rules) over the page as it is now, in the light and the dark theme: names on
 * controls, contrast, roles, focusable regions. A finding fails the test with the rule, the element and why.
 */
export async function expectNoViolations(page: Page, where: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    // Reduced motion makes the theme's colour transitions instant: contrast is measured on settled colours.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    // ...and every finite transition or animation has ended (the theme switch starts colour transitions).
    await page.waitForFunction(() =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
    );
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const found = violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`),
    );
    expect(found, `${where}, ${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
}
