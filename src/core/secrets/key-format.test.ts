import { describe, expect, it } from 'vitest';
import { looksLikeApiKey, maskKey } from './key-format';

const KEY = 'AIzaSyD-0123456789abcdefghijklmnopqX9f2';

describe('maskKey', () => {
  it('shows the first 4 and last 4 characters only', () => {
    expect(maskKey(KEY)).toBe('AIza…X9f2');
  });

  it('fully masks short keys so most of them is never shown', () => {
    expect(maskKey('short-key-123')).toBe('••••');
    expect(maskKey('')).toBe('');
  });
});

describe('looksLikeApiKey', () => {
  it('accepts a plausible key', () => {
    expect(looksLikeApiKey(KEY)).toBeNull();
  });

  it.each([
    ['', /empty/],
    [`${KEY} `, /spaces/],
    [`AIza\n${KEY}`, /line breaks/],
    ['AIzaShort', /too short/],
    [`AIza${'é'.repeat(30)}`, /characters/],
    ['A'.repeat(300), /too long/],
  ])('explains what is wrong with %j without quoting it', (input, message) => {
    const problem = looksLikeApiKey(input);
    expect(problem).toMatch(message);
    if (input) expect(problem).not.toContain(input.trim());
  });
});
