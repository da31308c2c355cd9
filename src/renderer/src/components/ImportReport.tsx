import type { ImportReport as Report } from '../../../shared/contract';
import type { SkipReason } from '../../../shared/dataset';
import { importHeadline } from '../actions/importing';
import { baseName, parentOf } from '../lib/path-text';
import { useUi } from '../stores/ui';
import { Dialog } from './Dialog';
import { Icon } from './Icon';

const REASON_LABEL: Record<SkipReason, string> = {
  'not-an-image': 'Not a photo',
  empty: 'Empty file',
  corrupt: 'Damaged',
  'unsupported-format': 'Unsupported format',
  'too-small': 'Too small',
  'too-many-pixels': 'Too large',
  unreadable: 'Unreadable',
};

/** After an import: what was added, and every skipped file with its reason, so nothing disappears silently. */
export function ImportReport({ report }: { report: Report }) {
  const close = useUi((s) => s.close);
  const skipped = report.skipped;
  return (
    <Dialog
      title={importHeadline(report)}
      subtitle={
        report.added === 0 && skipped.length === 0
          ? 'Everything in what you dropped is already in this dataset.'
          : 'Files that are not usable photos were left out; your originals are untouched.'
      }
      onClose={close}
      width={620}
      footer={
        <button type="button" data-autofocus className="btn btn-primary" onClick={close}>
          {report.added > 0 ? 'Start reviewing' : 'Done'}
        </button>
      }
    >
      <div className="stats">
        <div className="stat good">
          <div className="stat-value">{report.added.toLocaleString('en-US')}</div>
          <div className="stat-label">added</div>
        </div>
        <div className={`stat ${skipped.length > 0 ? 'warn' : ''}`}>
          <div className="stat-value">{skipped.length.toLocaleString('en-US')}</div>
          <div className="stat-label">skipped</div>
        </div>
        <div className="stat">
          <div className="stat-value">{report.total.toLocaleString('en-US')}</div>
          <div className="stat-label">in this dataset</div>
        </div>
      </div>
      {skipped.length > 0 ? (
        <section className="report-section" aria-label="Skipped files">
          <h3 className="section-title">Skipped files</h3>
          <ul className="item-list">
            {skipped.map((s) => (
              <li key={s.path} className="item-row">
                <Icon name="file" size={16} className="faint" />
                <div className="item-main">
                  <span className="item-title" title={s.path}>
                    {baseName(s.path)}
                  </span>
                  <span className="item-sub">{s.message}</span>
                  <span className="item-sub faint ellipsis" title={s.path}>
                    {parentOf(s.path)}
                  </span>
                </div>
                <span className={`reason-tag reason-${s.reason}`}>{REASON_LABEL[s.reason]}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Dialog>
  );
}
