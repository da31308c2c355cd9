import { type DisplayStatus, STATUS_HINT, STATUS_LABEL } from '../lib/status';

/** The per-image status pill: on a thumbnail (overlay) or inline in the editor. */
export function StatusBadge({ status, variant = 'inline' }: { status: DisplayStatus; variant?: 'inline' | 'overlay' }) {
  return (
    <span className={`badge badge-${variant} status-${status}`} title={STATUS_HINT[status]}>
      <span className="badge-dot" aria-hidden="true" />
      <span className="badge-label">{STATUS_LABEL[status]}</span>
    </span>
  );
}
