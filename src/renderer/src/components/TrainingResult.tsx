import { modelPageUrl, samplePrompt, type TrainingRecord } from '../../../shared/training';
import { openInBrowser } from '../actions/links';
import { logTail, trainingDuration } from '../lib/training-text';
import { CopyField } from './CopyField';
import { Dialog } from './Dialog';
import { Icon } from './Icon';

/**
 * How the dataset's latest training ended: on success the model page, the weights URL and a prompt to try it with
 * (starting with the trigger, which switches the LoRA on); on failure Replicate's reason; and Train again.
 */
export function TrainingResult(p: { record: TrainingRecord; onNew: () => void; onClose: () => void }) {
  const r = p.record;
  const took = trainingDuration(r.startedAt, r.completedAt);
  return (
    <Dialog
      title={r.status === 'succeeded' ? 'Your LoRA is ready' : 'Train on Replicate'}
      subtitle={<span className="mono">{r.destination}</span>}
      onClose={p.onClose}
      width={640}
      className="train-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={p.onClose}>
            Close
          </button>
          <button type="button" className="btn btn-primary" data-autofocus onClick={p.onNew}>
            <Icon name="refresh" size={15} /> Train again…
          </button>
        </>
      }
    >
      {r.status === 'succeeded' && r.output ? (
        <>
          <div className="done-hero">
            <Icon name="check-circle" size={30} className="done-icon" />
            <div>
              <strong>Trained on {r.upload.images} images</strong>
              <span className="muted">
                {r.params.steps} steps, rank {r.params.loraRank}
                {took ? ` · took ${took}` : ''}
              </span>
            </div>
          </div>
          <button
            type="button"
            className="link align-start"
            onClick={() => void openInBrowser(modelPageUrl(r.destination))}
          >
            Open {r.destination} on Replicate <Icon name="external" size={12} />
          </button>
          <CopyField label="Weights URL" value={r.output.weights} />
          <CopyField label="Model version" value={r.output.version} />
          <CopyField label="Sample prompt" value={samplePrompt(r.trigger)} />
        </>
      ) : r.status === 'failed' ? (
        <>
          <div className="callout error" role="alert">
            <Icon name="alert-circle" />
            <div className="callout-body">
              <strong>The training failed.</strong>
              <span>{r.error ?? 'Replicate did not say why.'}</span>
            </div>
          </div>
          {r.logsTail ? (
            <details>
              <summary>The last lines of the trainer’s log</summary>
              <pre className="training-log">{logTail(r.logsTail, 20)}</pre>
            </details>
          ) : null}
        </>
      ) : (
        <div className="callout info" role="status">
          <Icon name="info" />
          <span>
            The training was cancelled{took ? ` after ${took}` : ''}. Nothing was added to {r.destination}.
          </span>
        </div>
      )}
    </Dialog>
  );
}
