import { useId } from 'react';
import { RESIZE_LIMITS } from '../../../shared/export-presets';
import { openInBrowser } from '../actions/links';
import type { UiErrorLike } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { tooBigFrom } from '../lib/training-form';
import { Icon } from './Icon';
import { ReplicateToken } from './ReplicateToken';

/** Replicate's billing page, where credit is added (replicate.com is on main's external-link allow-list). */
const BILLING_PAGE = 'https://replicate.com/account/billing';

/**
 * Why Train did not start, with the way forward beside it: a ZIP over Replicate's upload limit offers scaling the
 * images down (nothing was uploaded), a refused token its field, no credit the billing page.
 */
export function TrainingStartProblem(p: {
  error: UiErrorLike;
  resize: string | null;
  resizeError: string | undefined;
  onResize: (value: string) => void;
}) {
  const id = useId();
  const tooBig = tooBigFrom(p.error.details);
  if (p.error.kind === 'invalid-key') return <ReplicateToken focus message={p.error.message} />;
  if (p.error.kind === 'cancelled') {
    return (
      <div className="callout info" role="status">
        <Icon name="info" />
        <span>Stopped before the training started: nothing was trained or billed.</span>
      </div>
    );
  }
  if (!tooBig) {
    return (
      <div className="callout error" role="alert">
        <Icon name="alert-circle" />
        <div className="callout-body">
          <span>{p.error.message}</span>
          {p.error.kind === 'credit' ? (
            <button type="button" className="link align-start" onClick={() => void openInBrowser(BILLING_PAGE)}>
              Add credit at Replicate <Icon name="external" size={12} />
            </button>
          ) : null}
        </div>
      </div>
    );
  }
  return (
    <div className="callout warn" role="alert">
      <Icon name="alert" />
      <div className="callout-body">
        <span>
          The ZIP would be {formatBytes(tooBig.bytes)}; Replicate takes uploads up to {formatBytes(tooBig.limit)}.
          Nothing was uploaded. Scale the images down, then train again:
        </span>
        <div className="number-row export-resize">
          <label htmlFor={`${id}-resize`} className="small">
            Long side at most
          </label>
          <input
            id={`${id}-resize`}
            className={`input ${p.resizeError ? 'invalid' : ''}`}
            inputMode="numeric"
            value={p.resize ?? ''}
            aria-invalid={p.resizeError !== undefined}
            onChange={(e) => p.onResize(e.target.value)}
          />
          <span className="small">px</span>
        </div>
        <span className={p.resizeError ? 'field-error' : 'muted small'}>
          {p.resizeError ??
            `Between ${RESIZE_LIMITS.min} and ${RESIZE_LIMITS.max} px; FLUX trains at up to 1024 px, so little is lost.`}
        </span>
      </div>
    </div>
  );
}
