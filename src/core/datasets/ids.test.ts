import { describe, expect, it } from 'vitest';
import { isValidId } from '../../shared/ids';
import { assertValidId, compactStamp, makeDatasetId, randomSuffix } from './ids';

describe('dataset ids', () => {
  it('are short, time-prefixed and sortable by creation time', () => {
    const t = Date.UTC(2026, 10, 24, 17, 12, 0);
    expect(makeDatasetId(t, () => 'ab12cd')).toBe('20261124-171200-ab12cd');
    const ids = [t + 5000, t, t + 1000].map((ms) => makeDatasetId(ms));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
    expect(compactStamp(t)).toBe('20261124-171200');
  });

  it('draw a six-character random suffix that is itself a safe id', () => {
    const seen = new Set(Array.from({ length: 200 }, () => randomSuffix()));
    for (const s of seen) expect(s).toMatch(/^[0-9a-z]{6}$/);
    expect(seen.size).toBeGreaterThan(190);
    expect(isValidId(makeDatasetId(Date.now()))).toBe(true);
  });

  it.each(['', '.', '..', '../x', 'a/b', 'a\\b', 'a b', 'é', '/abs', 'x'.repeat(129)])('rejects %j', (id) => {
    expect(isValidId(id)).toBe(false);
    expect(() => assertValidId(id)).toThrow(expect.objectContaining({ kind: 'validation' }));
  });

  it('accepts letters, digits, dash and underscore', () => {
    expect(() => assertValidId('20261124-171200-ab12cd')).not.toThrow();
    expect(() => assertValidId('My_Dataset-2')).not.toThrow();
  });
});
