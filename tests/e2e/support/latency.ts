import type { Page } from '@playwright/test';

/**
 * Keystroke-to-render in the page: from each keydown in `selector` to the first animation frame after its
 * `input` event, by when React has rendered what the keystroke changed (updates from a discrete event are
 * flushed before the next frame). Printed by the specs, never asserted (shared two-core machine).
 */
export async function probeKeystrokes(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __keystrokeMs: number[] };
    w.__keystrokeMs = [];
    const field = document.querySelector(sel);
    if (!field) throw new Error(`nothing matches ${sel}`);
    let down = 0;
    field.addEventListener('keydown', () => {
      down = performance.now();
    });
    // On window, so it runs after React's listener on the root: the update is scheduled by then.
    window.addEventListener('input', (e) => {
      if (e.target !== field || down === 0) return;
      const start = down;
      requestAnimationFrame(() => w.__keystrokeMs.push(performance.now() - start));
    });
  }, selector);
}

export interface LatencySummary {
  keys: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export async function keystrokeLatencies(page: Page): Promise<LatencySummary> {
  const ms = await page.evaluate(() => (window as unknown as { __keystrokeMs: number[] }).__keystrokeMs.slice());
  const sorted = ms.toSorted((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { keys: ms.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: Math.round(sorted.at(-1) ?? 0) };
}
