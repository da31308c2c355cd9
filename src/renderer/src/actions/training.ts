import type { KeyStatus } from '../../../shared/contract';
import type { DatasetManifest } from '../../../shared/dataset';
import type { TrainingRequest } from '../../../shared/training';
import { api, unwrap } from '../api';
import { toUiError, type UiErrorLike } from '../lib/errors';
import { toast } from '../stores/toasts';
import { useTraining } from '../stores/training';

/** The Replicate token (REPLICATE_API_TOKEN in the environment wins over the keychain's). */
async function tokenCall(p: Promise<KeyStatus>): Promise<KeyStatus> {
  const status = await p;
  useTraining.getState().setToken(status);
  return status;
}

export const loadReplicateToken = () => tokenCall(unwrap(api.replicateTokenStatus()));
/** Tested against Replicate (its account call, nothing spent) before it is kept; throws a UiErrorLike. */
export const saveReplicateToken = (token: string) => tokenCall(unwrap(api.setReplicateToken(token)));
export const removeReplicateToken = () => tokenCall(unwrap(api.removeReplicateToken()));

/** What the Train dialog shows (the trainer's latest version looked up now); reads only, uploads nothing. */
export const planTraining = (datasetId: string) => unwrap(api.planTraining(datasetId));

/** The dataset's latest training, from its manifest, when it opens (main follows an unfinished one from there). */
export function showTraining(manifest: DatasetManifest): void {
  useTraining.getState().seed(manifest.id, manifest.trainings.at(-1) ?? null);
}

/**
 * The user's click on Train: main exports the ZIP, uploads it and starts the training, reporting each step as an
 * event. Resolves null when the training exists, else the refusal (for the dialog to show).
 */
export async function startTraining(datasetId: string, request: TrainingRequest): Promise<UiErrorLike | null> {
  try {
    const record = await unwrap(api.startTraining(datasetId, request));
    const current = useTraining.getState().byDataset[datasetId];
    // Events may already have said more (a status after this record was saved): keep the newer one.
    if (!current?.record || current.record.id !== record.id || current.step !== null) {
      useTraining.getState().update(datasetId, { record, step: null, exported: null, zipBytes: null, problem: null });
    }
    return null;
  } catch (e) {
    const err = toUiError(e);
    // Nothing is being prepared or uploaded any more (main's last event may not say so).
    const current = useTraining.getState().byDataset[datasetId];
    if (current && current.step !== null) {
      useTraining.getState().update(datasetId, { ...current, step: null, exported: null, zipBytes: null });
    }
    return err;
  }
}

/** Cancel (asked first by the caller): stops the upload, or cancels the training at Replicate. */
export async function cancelTraining(datasetId: string): Promise<void> {
  try {
    const record = await unwrap(api.cancelTraining(datasetId));
    if (record) {
      const current = useTraining.getState().byDataset[datasetId];
      useTraining
        .getState()
        .update(datasetId, { ...(current ?? { exported: null, zipBytes: null, problem: null }), record, step: null });
    }
  } catch (e) {
    toast('error', `Could not cancel the training: ${toUiError(e).message}`);
  }
}
