import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './load-builder-config';

/**
 * scripts/security-scan.mjs, the CI gate around Electronegativity: the sources pass with the checked-in
 * suppressions, and the gate really fails on an unsuppressed finding and on a stale suppression.
 */
const SCRIPT = join(REPO, 'scripts/security-scan.mjs');
const SUPPRESSIONS = join(REPO, 'security/electronegativity-suppressions.json');

interface Suppression {
  check: string;
  file: string;
  reason: string;
}
const checkedIn = (JSON.parse(readFileSync(SUPPRESSIONS, 'utf8')) as { suppressions: Suppression[] }).suppressions;

const scratch = mkdtempSync(join(tmpdir(), 'caption-studio-eneg-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scan(suppressions: Suppression[] | null) {
  const args = [SCRIPT, '--report', join(scratch, 'report.sarif')];
  if (suppressions) {
    const file = join(scratch, 'suppressions.json');
    writeFileSync(file, JSON.stringify({ suppressions }));
    args.push('--suppressions', file);
  }
  const result = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
  return { status: result.status, out: result.stdout + result.stderr };
}

describe('security scan (Electronegativity over src/)', () => {
  it('passes with the checked-in suppressions, and writes a SARIF report', () => {
    const { status, out } = scan(null);
    expect(out).toMatch(/0 blocking, \d+ suppressed/);
    expect(out).toContain('0 parse errors');
    expect(status).toBe(0);
    const sarif = JSON.parse(readFileSync(join(scratch, 'report.sarif'), 'utf8')) as { runs: unknown[] };
    expect(sarif.runs.length).toBeGreaterThan(0);
  });

  it('gives every suppression a written reason', () => {
    expect(checkedIn.length).toBeGreaterThan(0);
    for (const s of checkedIn) expect(s.reason.length, `${s.check} ${s.file}`).toBeGreaterThan(40);
  });

  it('fails on a MEDIUM-or-above finding that is not suppressed', () => {
    const { status, out } = scan(checkedIn.filter((s) => s.check !== 'CONTEXT_ISOLATION_JS_CHECK'));
    expect(out).toMatch(/FAIL {7}CONTEXT_ISOLATION_JS_CHECK HIGH\/\w+ main\/window\.ts:\d+/);
    expect(status).toBe(1);
  });

  it('fails on a stale suppression, so it cannot hide a future finding', () => {
    const stale = { check: 'NODE_INTEGRATION_JS_CHECK', file: 'main/nowhere.ts', reason: 'x'.repeat(50) };
    const { status, out } = scan([...checkedIn, stale]);
    expect(out).toContain('stale suppression (remove it): NODE_INTEGRATION_JS_CHECK main/nowhere.ts');
    expect(status).toBe(1);
  });
});
