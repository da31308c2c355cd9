import { estimateTraining, type TrainingPlan, type TrainingUpdate } from '../../../shared/training';
import { cancelTraining } from '../actions/training';
import type { UiErrorLike } from '../lib/errors';
import { formatCost, formatDuration, plural } from '../lib/format';
import { stepsOf, type TrainingForm, trainingFormErrors } from '../lib/training-form';
import { trainingFraction, trainingHeadline } from '../lib/training-text';
import { isFollowing } from '../stores/training';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { ProgressBar } from './ProgressBar';
import { TrainingFields } from './TrainingFields';
import { TrainingStartProblem } from './TrainingStartProblem';

/**
 * What a training will be before anything is uploaded: the trainer and its latest version, the trigger word (the
 * dataset's own), the destination, steps, rank and learning rate, and what it should cost and take. Train is the
 * only thing that uploads; while the ZIP is prepared and uploaded, the steps show here and can be stopped.
 */
export function TrainingSetup(p: {
  plan: TrainingPlan;
  form: TrainingForm;
  starting: boolean;
  error: UiErrorLike | null;
  update: TrainingUpdate | null;
  onForm: (form: TrainingForm) => void;
  onStart: () => void;
  onClose: () => void;
}) {
  const datasetId = useWorkspace((s) => s.dataset?.id ?? '');
  const { plan, form, starting } = p;
  const errors = trainingFormErrors(form, plan.limits);
  const estimate = estimateTraining(stepsOf(form, plan.limits) ?? plan.defaults.steps);
  const blocked = plan.missingCaptions > 0;
  const valid = Object.keys(errors).length === 0;
  const live = p.update && isFollowing(p.update) ? p.update : null;
  const change = (next: Partial<TrainingForm>) => p.onForm({ ...form, ...next });
  const showNeedy = () => {
    p.onClose();
    useWorkspace.getState().setFilter('needs');
    useUi.getState().focusGallery();
  };

  return (
    <Dialog
      title="Train on Replicate"
      subtitle={
        <>
          <span className="mono">{plan.trainer}</span>, latest version{' '}
          <span className="mono" title={plan.version}>
            {plan.version.slice(0, 8)}
          </span>{' '}
          (looked up just now)
        </>
      }
      onClose={p.onClose}
      width={640}
      className="train-dialog"
      footer={
        <>
          <span className="footer-note">Nothing is uploaded before you click Upload and train.</span>
          {starting ? (
            <button type="button" className="btn" onClick={() => void cancelTraining(datasetId)}>
              Stop
            </button>
          ) : (
            <button type="button" className="btn" onClick={p.onClose}>
              Cancel
            </button>
          )}
          <button
            type="button"
            data-autofocus
            className="btn btn-primary"
            disabled={blocked || !valid || starting}
            onClick={p.onStart}
          >
            <Icon name="upload" size={15} /> {starting ? 'Starting…' : 'Upload and train'}
          </button>
        </>
      }
    >
      {blocked ? (
        <div className="callout warn" role="alert">
          <Icon name="alert" />
          <div className="callout-body">
            <span>
              {plural(plan.missingCaptions, 'image')} still {plan.missingCaptions === 1 ? 'needs' : 'need'} a valid
              caption. Caption or exclude {plan.missingCaptions === 1 ? 'it' : 'them'} first: a training on missing
              captions would be paid for and worse.
            </span>
            <button type="button" className="btn btn-sm align-start" onClick={showNeedy}>
              Show {plan.missingCaptions === 1 ? 'it' : 'them'}
            </button>
          </div>
        </div>
      ) : null}
      <dl className="facts">
        <dt>Trigger word</dt>
        <dd>
          <span className="chip">{plan.trigger}</span>{' '}
          <span className="muted small">this dataset’s; every caption already starts with it</span>
        </dd>
        <dt>Images</dt>
        <dd>{plural(plan.images, 'image')} with their captions, in one ZIP</dd>
      </dl>
      <TrainingFields plan={plan} form={form} errors={errors} disabled={starting} onChange={change} />
      <div className="estimate">
        <div className="estimate-cell">
          <span className="muted small">Estimated cost</span>
          <strong>about {formatCost(estimate.costUsd)}</strong>
        </div>
        <div className="estimate-cell">
          <span className="muted small">Estimated time</span>
          <strong>about {formatDuration(estimate.seconds)}</strong>
        </div>
      </div>
      <p className="faint small">{estimate.basis} Billed by Replicate to your account.</p>
      {p.error ? (
        <TrainingStartProblem
          error={p.error}
          resize={form.resize}
          resizeError={errors.resize}
          onResize={(resize) => change({ resize })}
        />
      ) : null}
      {starting ? (
        <div className="export-progress" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <div className="export-progress-main">
            {/* Until main reports this start, the update shown may be an older training's. */}
            <strong>{live ? trainingHeadline(live) : 'Preparing the ZIP'}</strong>
            <ProgressBar value={live ? trainingFraction(live) : null} label="Upload progress" />
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
