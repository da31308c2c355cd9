import { describe, expect, it } from 'vitest';
import { nextPacificMidnight } from './quota-reset';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('nextPacificMidnight', () => {
  it.each([
    // Winter (PST, UTC-8): midnight Pacific is 08:00 UTC.
    ['2026-12-04T10:00:00Z', '2026-12-05T08:00:00.000Z'],
    ['2026-12-04T07:59:59Z', '2026-12-04T08:00:00.000Z'],
    ['2026-12-04T08:00:00Z', '2026-12-05T08:00:00.000Z'],
    // Summer (PDT, UTC-7): 07:00 UTC.
    ['2026-07-01T12:00:00Z', '2026-07-02T07:00:00.000Z'],
    // The night daylight saving starts (8 March 2026): still PST at midnight.
    ['2026-03-07T20:00:00Z', '2026-03-08T08:00:00.000Z'],
    // The day after it started: PDT.
    ['2026-03-08T20:00:00Z', '2026-03-09T07:00:00.000Z'],
    // The night it ends (1 November 2026): PDT at midnight, PST the next night.
    ['2026-10-31T20:00:00Z', '2026-11-01T07:00:00.000Z'],
    ['2026-11-01T20:00:00Z', '2026-11-02T08:00:00.000Z'],
    // New Year in Pacific time.
    ['2026-12-31T23:00:00Z', '2027-01-01T08:00:00.000Z'],
  ])('after %s is %s', (now, expected) => {
    expect(iso(nextPacificMidnight(at(now)))).toBe(expected);
  });
});
