import { useEffect, useRef, useState } from 'react';
import type { BatchStatus } from '../../../shared/progress';
import { cancelBatch } from '../actions/batch';
import { batchHeadline, batchParts } from '../lib/batch-text';
import { Icon } from './Icon';
import { ProgressBar } from './ProgressBar';

/**
 * The run bar while a Gemini batch job captions the open dataset: uploading n of N, then waiting or running at
 * Gemini, with the price and the saving. Cancel asks first, in the bar itself: the job and its uploads are gone
 * for good once cancelled.
 */
export function BatchBar({ datasetId, status }: { datasetId: string; status: BatchStatus }) {
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // Focus follows the question: to "Keep waiting" when it appears, back to "Cancel…" when it goes.
    if (confirming) keep.current?.focus();
    else if (asked.current) ask.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const uploading = status.state === 'uploading';
  const cancel = async () => {
    setCancelling(true);
    await cancelBatch(datasetId);
    setCancelling(false);
    setConfirming(false);
  };
  return (
    <footer className={`run-bar running batch ${status.problem ? 'problem' : ''}`}>
      {status.problem ? (
        <Icon name="alert" size={16} className="run-icon" />
      ) : (
        <span className="spinner" aria-hidden="true" />
      )}
      <div className="run-main">
        <div className="run-line">
          <strong>{batchHeadline(status)}</strong>
          <span className="faint run-parts">{batchParts(status).join(' · ')}</span>
        </div>
        <ProgressBar value={uploading ? status.uploaded / Math.max(1, status.images) : null} label="Batch progress" />
      </div>
      {confirming ? (
        // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a legend and a border into the bar.
        <div className="batch-confirm" role="group" aria-label="Cancel the batch job?">
          <span>{uploading ? 'Stop the upload? Nothing is submitted.' : 'Cancel the batch job?'}</span>
          <button ref={keep} type="button" className="btn btn-sm" onClick={() => setConfirming(false)}>
            Keep waiting
          </button>
          <button type="button" className="btn btn-sm btn-danger" disabled={cancelling} onClick={() => void cancel()}>
            <Icon name="stop" size={13} /> {cancelling ? 'Cancelling…' : 'Cancel batch job'}
          </button>
        </div>
      ) : (
        <button
          ref={ask}
          type="button"
          className="btn btn-sm btn-danger"
          title="Cancel the job at Gemini; images without a caption stay as they are"
          onClick={() => setConfirming(true)}
        >
          <Icon name="stop" size={13} /> Cancel…
        </button>
      )}
    </footer>
  );
}
