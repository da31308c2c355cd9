import { trainingFraction, trainingHeadline } from '../lib/training-text';
import { isFollowing, useTraining } from '../stores/training';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { Icon } from './Icon';
import { ProgressBar } from './ProgressBar';

/**
 * The open dataset's Replicate training above the run bar, while it is prepared, uploaded and run (also after the
 * app was closed and the dataset opened again), and once it ends here until dismissed. Show opens the training.
 */
export function TrainingBar() {
  const datasetId = useWorkspace((s) => s.dataset?.id ?? '');
  const update = useTraining((s) => s.byDataset[datasetId]);
  const endedHere = useTraining((s) => s.endedHere[datasetId] === true);
  const open = useUi((s) => s.open);
  if (!update || !(isFollowing(update) || endedHere)) return null;

  const following = isFollowing(update);
  const status = update.record?.status;
  const tone = following ? 'running' : status === 'succeeded' ? 'ok' : status === 'failed' ? 'error' : 'info';
  return (
    <section className={`training-bar ${tone}`} aria-label="Training on Replicate">
      {following ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <Icon
          name={tone === 'ok' ? 'check-circle' : tone === 'error' ? 'alert-circle' : 'info'}
          size={16}
          className="run-icon"
        />
      )}
      <div className="run-main">
        <div className="run-line">
          <strong>{trainingHeadline(update)}</strong>
          {update.record ? <span className="faint mono small">{update.record.destination}</span> : null}
        </div>
        {following ? <ProgressBar value={trainingFraction(update)} label="Training progress" /> : null}
      </div>
      <button type="button" className="btn btn-sm" onClick={() => open({ type: 'train' })}>
        {following ? 'Show…' : 'Details…'}
      </button>
      {following ? null : (
        <button
          type="button"
          className="btn btn-ghost icon-btn"
          aria-label="Dismiss"
          onClick={() => useTraining.getState().dismiss(datasetId)}
        >
          <Icon name="x" size={15} />
        </button>
      )}
    </section>
  );
}
