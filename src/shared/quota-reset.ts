/**
 * Gemini's per-day quotas reset at midnight Pacific time (America/Los_Angeles, daylight saving included), not at
 * the user's midnight: a student in Berlin whose quota ran out at 10:00 gets it back at 09:00 the next morning.
 */
const PACIFIC = 'America/Los_Angeles';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: PACIFIC,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The Pacific wall-clock time at `ms`, as if it were UTC (so the difference to `ms` is the zone's offset). */
function pacificWallClock(ms: number): { asUtc: number; year: number; month: number; day: number } {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
  const [year, month, day] = [p.year ?? 0, p.month ?? 1, p.day ?? 1];
  return { asUtc: Date.UTC(year, month - 1, day, p.hour ?? 0, p.minute ?? 0, p.second ?? 0), year, month, day };
}

const offsetAt = (ms: number) => pacificWallClock(ms).asUtc - Math.floor(ms / 1000) * 1000;

/** The next midnight in Pacific time after `nowMs`, as epoch milliseconds. */
export function nextPacificMidnight(nowMs: number): number {
  const today = pacificWallClock(nowMs);
  const midnightWall = Date.UTC(today.year, today.month - 1, today.day + 1);
  // The offset of the night itself (it differs from now's when daylight saving starts or ends before midnight).
  const guess = midnightWall - offsetAt(nowMs);
  return midnightWall - offsetAt(guess);
}
