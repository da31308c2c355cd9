import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TrainingUpdate } from '../../../shared/training';
import { cancelTraining } from '../actions/training';
import { logTail, timeLeft, trainingFraction, trainingHeadline } from '../lib/training-text';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { ProgressBar } from './ProgressBar';

/**
 * A training followed live: where it is, the tail of the trainer's log, and Cancel, which asks first (Replicate
 * bills the time it ran). Closing this, or the app, leaves the training running at Replicate.
 */
export function TrainingProgress(p: { datasetId: string; update: TrainingUpdate; onClose: () => void }) {
  const { update } = p;
  const r = update.record;
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const log = useRef<HTMLPreElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const logs = r ? logTail(r.logsTail) : '';
  const beforeTraining = r === null || r.status === 'creating';

  // The newest log line stays in view as lines arrive.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again whenever the log text changes.
  useLayoutEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [logs]);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  const cancel = async () => {
    setCancelling(true);
    await cancelTraining(p.datasetId);
    setCancelling(false);
    setConfirming(false);
  };
  const parts = [r?.destination ? `into ${r.destination}` : null, timeLeft(update, Date.now())].filter(Boolean);

  return (
    <Dialog
      title="Training on Replicate"
      subtitle={r ? <span className="mono">{r.trainer.split(':')[0]}</span> : 'Getting the ZIP ready'}
      onClose={p.onClose}
      width={700}
      className="train-dialog"
      footer={
        confirming ? (
          // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a legend and a border into the footer.
          <div className="batch-confirm" role="group" aria-label="Cancel the training?">
            <span className="footer-note">
              {beforeTraining
                ? 'Stop before the training starts? Nothing has been trained or billed yet.'
                : 'Cancel the training? Replicate stops it; the minutes it ran are billed.'}
            </span>
            <button ref={keep} type="button" className="btn" onClick={() => setConfirming(false)}>
              Keep training
            </button>
            <button type="button" className="btn btn-danger" disabled={cancelling} onClick={() => void cancel()}>
              <Icon name="stop" size={13} /> {cancelling ? 'Cancelling…' : 'Cancel training'}
            </button>
          </div>
        ) : (
          <>
            <span className="footer-note">
              You can close this, or the app: the training goes on at Replicate and shows here again when you open this
              dataset.
            </span>
            <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
              Cancel training…
            </button>
            <button type="button" data-autofocus className="btn btn-primary" onClick={p.onClose}>
              Close
            </button>
          </>
        )
      }
    >
      <div className="export-progress" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <div className="export-progress-main">
          <strong>{trainingHeadline(update)}</strong>
          <ProgressBar value={trainingFraction(update)} label="Training progress" />
          {parts.length > 0 ? <span className="faint small">{parts.join(' · ')}</span> : null}
        </div>
      </div>
      {update.problem ? (
        <div className="callout warn" role="status">
          <Icon name="alert" />
          <span>{update.problem} Still trying.</span>
        </div>
      ) : null}
      {logs ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, so keyboard users must be able to reach it.
        <pre ref={log} className="training-log" role="log" aria-label="Training log" tabIndex={0}>
          {logs}
        </pre>
      ) : null}
    </Dialog>
  );
}
