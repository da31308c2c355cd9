import { useEffect, useRef } from 'react';
import { openCheck } from '../actions/check';
import { openExport } from '../actions/export';
import { plural } from '../lib/format';
import { useCheck } from '../stores/check';
import { useWorkspace } from '../stores/workspace';
import { CheckFindingRow } from './CheckFindingRow';
import { Icon } from './Icon';

/**
 * The dataset check, docked under the gallery (the editor stays beside it, so a finding's image can be looked at
 * and fixed at once). Opened by "Check" or before an export: then it says whether the export can go on and
 * offers "Export anyway" once nothing blocks it.
 */
export function CheckPanel() {
  const { open, checking, report, error, forExport, basis } = useCheck();
  // Anything changing the images after the report (an edit, a fix, a run) makes it out of date.
  const stale = useWorkspace((s) => basis !== null && s.images !== basis);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  if (!open) return null;

  const errors = report?.errors ?? 0;
  const notes = report ? report.findings.length - report.errors - report.warnings : 0;
  const summary = report
    ? report.findings.length === 0
      ? `No problems in ${plural(report.images, 'included image')}.`
      : [plural(errors, 'error'), plural(report.warnings, 'warning'), plural(notes, 'note')]
          .filter((part) => !part.startsWith('0 '))
          .join(' · ')
    : null;
  const close = () => useCheck.getState().close();

  return (
    <section className="check-panel" aria-labelledby="check-panel-title">
      <header>
        <Icon name="list-checks" size={16} />
        <h2 id="check-panel-title" ref={heading} tabIndex={-1}>
          Dataset check
        </h2>
        <span className="muted check-summary" role="status">
          {checking ? 'Checking…' : (summary ?? '')}
        </span>
        <div className="spacer" />
        <button type="button" className="btn btn-sm" disabled={checking} onClick={() => void openCheck(forExport)}>
          <Icon name="refresh" size={13} /> Check again
        </button>
        <button type="button" className="btn btn-ghost icon-btn btn-sm" aria-label="Close the check" onClick={close}>
          <Icon name="x" size={14} />
        </button>
      </header>
      {stale && !checking ? (
        <p className="check-banner muted">Captions changed since this check: check again to see where things stand.</p>
      ) : null}
      {forExport ? (
        <div className={`check-banner export ${errors > 0 ? 'blocked' : ''}`}>
          <span>
            {error
              ? 'The check could not run, so it cannot say whether this dataset is ready.'
              : errors > 0
                ? `Before exporting: the export needs every included image to have a valid caption. Fix or exclude the ${plural(errors, 'problem')} marked Error.`
                : 'Before exporting: these may hurt training. Fix them, or export as it is.'}
          </span>
          <button
            type="button"
            className="btn btn-sm btn-primary"
            disabled={checking || errors > 0}
            onClick={() => void openExport({ checked: true })}
          >
            Export anyway
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="callout error" role="alert">
          The check could not run: {error}
        </p>
      ) : null}
      {report && report.findings.length > 0 ? (
        <ul className="finding-list">
          {report.findings.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a report is replaced whole; rules repeat (one per group).
            <CheckFindingRow key={`${f.rule}-${i}`} finding={f} busy={checking} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
