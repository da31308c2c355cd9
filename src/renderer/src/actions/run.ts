import type { RunEstimate, RunRequest } from '../../../shared/contract';
import { api, unwrap } from '../api';
import { toUiError, type UiErrorLike } from '../lib/errors';
import { runFailures } from '../lib/failed-list';
import { runTargets } from '../lib/run-targets';
import { useBatch } from '../stores/batch';
import { isRunActive, useRun } from '../stores/run';
import { toast } from '../stores/toasts';
import { openKeySettings, useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { showBatchStarting } from './batch';
import { flushDrafts } from './captions';

export async function estimateRun(request: RunRequest): Promise<RunEstimate> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) throw toUiError('No dataset is open.');
  return unwrap(api.estimateRun(dataset.id, request));
}

/**
 * Starts a run, or a Gemini batch job (`mode: 'batch'`). Every typed caption is saved first (a recaption must not
 * race an unsaved edit). The images it will send show "queued" at once; progress events take over from there. A
 * missing or rejected key goes straight to Settings; other refusals are returned for the caller to show where the
 * user clicked.
 */
export async function startRun(request: RunRequest): Promise<UiErrorLike | null> {
  const ws = useWorkspace.getState();
  const dataset = ws.dataset;
  if (!dataset) return toUiError('No dataset is open.');
  if (isRunActive(useRun.getState())) return toUiError('A run is already going. Wait for it or cancel it first.');
  await flushDrafts();
  const targets = runTargets(useWorkspace.getState().images, request);
  const batch = request.mode === 'batch';
  if (batch) showBatchStarting(dataset.id, dataset.settings.model, targets);
  else useRun.getState().begin(dataset.id, request, targets);
  useWorkspace.getState().markQueued(targets);
  try {
    await unwrap(api.startRun(dataset.id, request));
    return null;
  } catch (e) {
    const err = toUiError(e);
    if (batch) useBatch.getState().set(dataset.id, null);
    else useRun.getState().abort();
    useWorkspace.getState().clearTransient();
    if (err.kind === 'invalid-key') {
      useUi.getState().close();
      openKeySettings(err.message);
    }
    return err;
  }
}

/**
 * Retries the last run's failures that still need it: an image captioned by hand since then is left alone (a
 * recaption would overwrite the user's words).
 */
export async function retryFailed(): Promise<void> {
  const ids = runFailures(useRun.getState(), useWorkspace.getState()).map((f) => f.id);
  if (ids.length === 0) return;
  const err = await startRun({ only: ids, recaption: true });
  if (err && err.kind !== 'invalid-key') toast('error', `Could not retry: ${err.message}`);
}

async function control(call: 'pauseRun' | 'resumeRun' | 'cancelRun', verb: string): Promise<void> {
  const id = useRun.getState().datasetId;
  if (!id) return;
  try {
    await unwrap(api[call](id));
  } catch (e) {
    toast('error', `Could not ${verb} the run: ${toUiError(e).message}`);
  }
}

export const pauseRun = () => control('pauseRun', 'pause');
export const resumeRun = () => control('resumeRun', 'resume');
export const cancelRun = () => control('cancelRun', 'cancel');
