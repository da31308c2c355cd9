import { batchStatusOf, isBatchPending } from '../../../shared/batch-status';
import type { DatasetManifest } from '../../../shared/dataset';
import { api, unwrap } from '../api';
import { forgetDraftBackup, takeRestorableDrafts } from '../lib/draft-backup';
import { toUiError } from '../lib/errors';
import { plural } from '../lib/format';
import { transientOnReopen } from '../lib/run-targets';
import { useBatch } from '../stores/batch';
import { useCheck } from '../stores/check';
import { useDatasets } from '../stores/datasets';
import { useDrafts } from '../stores/drafts';
import { useHistory } from '../stores/history';
import { isRunActive, useRun } from '../stores/run';
import { toast } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { flushDrafts } from './captions';
import { loadHistory } from './history';
import { showTraining } from './training';

export async function loadDatasets(): Promise<void> {
  const store = useDatasets.getState();
  store.setLoading();
  try {
    store.setList(await unwrap(api.listDatasets()));
  } catch (e) {
    store.setError(toUiError(e).message);
  }
}

/**
 * Saves every draft before the workspace changes; when one cannot be saved (a disk error), the workspace stays
 * as it is so the typed text is not thrown away, and the user is told.
 */
async function keepUnsavedDrafts(): Promise<boolean> {
  if (await flushDrafts()) return true;
  toast('error', 'A caption you typed could not be saved yet, so this dataset stays open. Try again in a moment.');
  return false;
}

/** Opens a dataset in the workspace; resolves false (with a toast) when it cannot be read. */
export async function openDataset(id: string): Promise<boolean> {
  if (!(await keepUnsavedDrafts())) return false;
  try {
    const manifest = await unwrap(api.openDataset(id));
    useDrafts.getState().reset();
    useWorkspace.getState().load(manifest);
    restoreBackedUpDrafts(manifest);
    const run = useRun.getState();
    // Its run is still going (the dataset was closed meanwhile): show what is still queued or being captioned.
    if (run.datasetId === id && isRunActive(run)) {
      useWorkspace.getState().restoreTransient(transientOnReopen(run.targets, run.imageStates));
    }
    // A finished run of another dataset has nothing to say here.
    if (run.datasetId !== id && run.phase === 'finished') run.dismiss();
    showBatch(manifest);
    showTraining(manifest);
    useUi.getState().setScreen('workspace');
    useHistory.getState().clear();
    useCheck.getState().close();
    void loadHistory(id);
    return true;
  } catch (e) {
    toast('error', `Could not open this dataset: ${toUiError(e).message}`);
    return false;
  }
}

/**
 * A batch job the dataset has (submitted earlier, maybe by the CLI): shown in the run bar, its images "queued" until
 * its results come (main follows it while the dataset is open).
 */
function showBatch(manifest: DatasetManifest): void {
  const record = manifest.batch?.settledAt === null ? manifest.batch : null;
  useBatch.getState().set(manifest.id, record ? batchStatusOf(record) : null);
  if (record && isBatchPending(record.state)) useWorkspace.getState().markQueued(record.imageIds);
}

/**
 * Text typed but never saved last time (the app crashed or quit before the save) comes back into its fields and
 * is saved by the usual autosave.
 */
function restoreBackedUpDrafts(manifest: DatasetManifest): void {
  const restored = takeRestorableDrafts(manifest.id, manifest.images, manifest.trigger);
  const ids = Object.keys(restored);
  if (ids.length === 0) return;
  for (const id of ids) useDrafts.getState().setDraft(id, restored[id] ?? '');
  toast('info', `Brought back ${plural(ids.length, 'caption')} you typed that had not been saved yet; saving now.`);
}

/** Back to the start screen, after every typed caption is saved. */
export async function closeDataset(): Promise<void> {
  if (!(await keepUnsavedDrafts())) return;
  useWorkspace.getState().close();
  useHistory.getState().clear();
  useCheck.getState().close();
  useDrafts.getState().reset();
  useUi.getState().setScreen('start');
  await loadDatasets();
}

/** Throws a UiErrorLike so the inline editor can show it next to the name. */
export async function renameDataset(id: string, name: string): Promise<void> {
  await unwrap(api.renameDataset(id, name));
  useDatasets.getState().rename(id, name);
  if (useWorkspace.getState().dataset?.id === id) useWorkspace.getState().rename(name);
}

export async function deleteDataset(id: string, name: string): Promise<void> {
  try {
    await unwrap(api.deleteDataset(id));
    useDatasets.getState().remove(id);
    forgetDraftBackup(id);
    toast('success', `Deleted “${name}”. Your photos were not touched.`);
  } catch (e) {
    toast('error', `Could not delete “${name}”: ${toUiError(e).message}`);
  }
}
