import { useEffect, useRef, useState } from 'react';
import { loadReplicateToken, startTraining } from '../actions/training';
import { useTrainingPlan } from '../hooks/useTrainingPlan';
import type { UiErrorLike } from '../lib/errors';
import { requestOf, type TrainingForm, tooBigFrom, toTrainingForm } from '../lib/training-form';
import { toast } from '../stores/toasts';
import { isFollowing, useTraining } from '../stores/training';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { ReplicateToken } from './ReplicateToken';
import { TrainingProgress } from './TrainingProgress';
import { TrainingResult } from './TrainingResult';
import { TrainingSetup } from './TrainingSetup';

/**
 * Train on Replicate: the token if there is none, the plan and its form, then the training followed live, then
 * its outcome. The form, the plan and a refused start live here, so a ZIP too big to upload (or a token or credit
 * problem) brings the user back to the form as they left it, with the way forward beside it.
 */
export function TrainDialog() {
  const datasetId = useWorkspace((s) => s.dataset?.id ?? '');
  const update = useTraining((s) => s.byDataset[datasetId]);
  const token = useTraining((s) => s.token);
  const close = useUi((s) => s.close);
  const [wantNew, setWantNew] = useState(false);
  const [form, setForm] = useState<TrainingForm | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<UiErrorLike | null>(null);
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    loadReplicateToken().catch(() => useTraining.getState().setToken({ present: false, source: null, masked: null }));
    return () => {
      mounted.current = false;
    };
  }, []);

  const following = !starting && update !== undefined && isFollowing(update);
  const record = update?.record ?? null;
  const showResult = !starting && !following && startError === null && record !== null && !wantNew;
  const setup = !following && !showResult;
  const { plan, error, retry } = useTrainingPlan(datasetId, setup && token?.present === true, token?.masked ?? null);
  useEffect(() => {
    if (plan) setForm((f) => f ?? toTrainingForm(plan));
  }, [plan]);

  const start = async () => {
    const request = form && plan ? requestOf(form, plan.limits) : null;
    if (!request) return;
    setStarting(true);
    setStartError(null);
    const err = await startTraining(datasetId, request);
    if (!mounted.current) {
      // Closed meanwhile: say why it did not start, unless the user stopped it (from the bar's dialog).
      if (err && err.kind !== 'cancelled') toast('error', `The training did not start: ${err.message}`);
      return;
    }
    setStarting(false);
    setStartError(err);
    const tooBig = err ? tooBigFrom(err.details) : null;
    if (tooBig) setForm((f) => f && { ...f, resize: f.resize ?? String(tooBig.suggested) });
    if (!err) setWantNew(false);
  };

  if (following && update) return <TrainingProgress datasetId={datasetId} update={update} onClose={close} />;
  if (showResult && record) return <TrainingResult record={record} onNew={() => setWantNew(true)} onClose={close} />;

  const tokenProblem = token?.present === false ? null : error?.kind === 'invalid-key' ? error.message : undefined;
  if (token === null || tokenProblem !== undefined || !plan || !form) {
    return (
      <Dialog title="Train on Replicate" subtitle={SUBTITLE} onClose={close} width={600}>
        {token === null ? (
          <Waiting text="Checking your Replicate token…" />
        ) : tokenProblem !== undefined ? (
          <>
            <p className="muted">
              Training runs on your own Replicate account and is billed there. Paste an API token to go on.
            </p>
            <ReplicateToken focus message={tokenProblem} />
          </>
        ) : error ? (
          <div className="callout error" role="alert">
            <Icon name="alert-circle" />
            <div className="callout-body">
              <span>{error.message}</span>
              <button type="button" className="btn btn-sm align-start" onClick={retry}>
                Try again
              </button>
            </div>
          </div>
        ) : (
          <Waiting text="Looking up the trainer’s latest version at Replicate…" />
        )}
      </Dialog>
    );
  }
  return (
    <TrainingSetup
      {...{ plan, form, starting, error: startError, update: update ?? null }}
      onForm={setForm}
      onStart={() => void start()}
      onClose={close}
    />
  );
}

const SUBTITLE = 'A FLUX LoRA trained on your captioned images, on your Replicate account.';

function Waiting({ text }: { text: string }) {
  return (
    <div className="export-progress" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span className="muted">{text}</span>
    </div>
  );
}
