import { redact } from '../log';
import type { CheckResult } from './runner';

/**
 * The printed report: a title, one line per check (`ok` or `FAIL`, name, detail, duration), a verdict. Details
 * go through the log's redaction, so the home folder shows as `~` and the report can be pasted into a bug report.
 */

const STATUS_WIDTH = 4;

/** Exit status of a self-test: 0 only when at least one check ran and every one passed. */
export function exitCodeOf(results: readonly CheckResult[]): 0 | 1 {
  return results.length > 0 && results.every((r) => r.ok) ? 0 : 1;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

export function formatReport(title: string, results: readonly CheckResult[]): string {
  const nameWidth = Math.max(0, ...results.map((r) => r.name.length));
  const lines = results.map((r) =>
    [
      (r.ok ? 'ok' : 'FAIL').padEnd(STATUS_WIDTH),
      r.name.padEnd(nameWidth),
      `${redact(oneLine(r.detail))} (${r.ms} ms)`,
    ].join('  '),
  );
  const failed = results.filter((r) => !r.ok).length;
  const verdict =
    results.length === 0
      ? 'No checks ran.'
      : failed === 0
        ? `All ${results.length} checks passed.`
        : `${failed} of ${results.length} checks FAILED.`;
  return `${[title, ...lines, verdict].join('\n')}\n`;
}
