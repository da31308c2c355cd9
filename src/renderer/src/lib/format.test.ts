import { describe, expect, it } from 'vitest';
import { byCount, formatBytes, formatCost, formatDuration, formatRate, formatRelative, plural } from './format';

describe('formatters', () => {
  it('pluralises with thousands separators', () => {
    expect(plural(1, 'image')).toBe('1 image');
    expect(plural(2000, 'image')).toBe('2,000 images');
    expect(plural(0, 'image')).toBe('0 images');
    expect(`${plural(1, 'image')} ${byCount(1, 'needs', 'need')}`).toBe('1 image needs');
    expect(`${plural(2, 'image')} ${byCount(2, 'needs', 'need')}`).toBe('2 images need');
  });

  it('formats sizes, durations, rates and costs the way people read them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(150)).toBe('3 min');
    expect(formatDuration(4800)).toBe('1 h 20 min');
    expect(formatRate(9.64)).toBe('9.6/min');
    expect(formatRate(120.4)).toBe('120/min');
    expect(formatCost(0)).toBe('$0.00');
    expect(formatCost(0.004)).toBe('< $0.01');
    expect(formatCost(1.234)).toBe('$1.23');
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(formatRelative('2026-11-24T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('2026-11-24T11:45:00Z', now)).toBe('15 min ago');
    expect(formatRelative('2026-11-24T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-23T09:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('not a date', now)).toBe('unknown');
  });
});
