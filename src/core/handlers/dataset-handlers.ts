import { triggerError } from '../../shared/caption';
import { AppError } from '../../shared/errors';
import { isTrainingActive } from '../../shared/training';
import type { BatchManager } from './batch-manager';
import type { BackendContext } from './context';
import type { RunManager } from './run-manager';
import { currentSettings } from './settings-handlers';
import type { TrainingManager } from './training-manager';
import type { Handlers } from './types';

type DatasetCalls =
  | 'listDatasets'
  | 'createDataset'
  | 'openDataset'
  | 'renameDataset'
  | 'deleteDataset'
  | 'updateDatasetSettings';

export function datasetHandlers(
  ctx: BackendContext,
  runs: RunManager,
  batches: BatchManager,
  trainings: TrainingManager,
): Pick<Handlers, DatasetCalls> {
  const { store } = ctx.deps;
  return {
    listDatasets: () => store.list(),

    /** A new, empty dataset with the app-wide settings; its roots fill in as the user imports. */
    async createDataset({ trigger, name }) {
      const problem = triggerError(trigger);
      if (problem) throw new AppError('validation', problem);
      const manifest = await store.create({
        name: name?.trim() || trigger,
        trigger,
        roots: [],
        settings: currentSettings(ctx),
      });
      ctx.known.rememberDataset(manifest);
      return manifest;
    },

    async openDataset(id) {
      const manifest = await store.load(id);
      ctx.known.rememberDataset(manifest);
      // A job submitted earlier (maybe by the CLI, maybe before a restart): followed while the app is open.
      if (manifest.batch) batches.watch(id);
      // A training started earlier (maybe by the CLI, maybe before a restart): followed while it runs.
      if (manifest.trainings.some((t) => isTrainingActive(t.status))) trainings.watch(id);
      return manifest;
    },

    renameDataset: (id, name) => store.rename(id, name),

    /**
     * A run still writing into the dataset is cancelled and awaited first, so nothing lands in a deleted folder; a
     * batch job is cancelled on Gemini and its files deleted (nothing would ever collect its results).
     */
    async deleteDataset(id) {
      await runs.stop(id);
      await batches.discard(id);
      await trainings.stopFollowing(id); // the training itself goes on: it is the user's, on their account
      await store.remove(id);
      ctx.known.forgetDataset(id);
    },

    updateDatasetSettings: (id, patch) => store.modify(id, (m) => ({ ...m, settings: { ...m.settings, ...patch } })),
  };
}
