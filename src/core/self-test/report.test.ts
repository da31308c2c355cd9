import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, formatReport } from './report';

const ok = (name: string, detail: string, ms = 1) => ({ name, ok: true, detail, ms });
const failed = (name: string, detail: string, ms = 1) => ({ name, ok: false, detail, ms });

describe('self-test report', () => {
  it('prints one aligned line per check, then the verdict', () => {
    const report = formatReport('Caption Studio 1.0.0 self-test (linux x64)', [
      ok('sharp', 'sharp 0.35.5', 12),
      failed('decode avif', 'missing /x/sample.avif', 3),
    ]);
    expect(report).toBe(
      [
        'Caption Studio 1.0.0 self-test (linux x64)',
        'ok    sharp        sharp 0.35.5 (12 ms)',
        'FAIL  decode avif  missing /x/sample.avif (3 ms)',
        '1 of 2 checks FAILED.',
        '',
      ].join('\n'),
    );
  });

  it('keeps every check on one line and shows the home folder as ~', () => {
    const report = formatReport('t', [failed('data folder', `EACCES:\n  ${join(homedir(), 'private')}\n`)]);
    expect(report.split('\n')[1]).toBe(`FAIL  data folder  EACCES: ${join('~', 'private')} (1 ms)`);
  });

  it('exits 0 only when checks ran and all passed', () => {
    expect(exitCodeOf([ok('a', ''), ok('b', '')])).toBe(0);
    expect(exitCodeOf([ok('a', ''), failed('b', '')])).toBe(1);
    expect(exitCodeOf([])).toBe(1);
    expect(formatReport('t', [ok('a', 'x'), ok('b', 'y')])).toContain('All 2 checks passed.');
    expect(formatReport('t', [])).toContain('No checks ran.');
  });
});
