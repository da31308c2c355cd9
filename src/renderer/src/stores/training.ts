import { create } from 'zustand';
import type { KeyStatus } from '../../../shared/contract';
import { isTrainingActive, type TrainingRecord, type TrainingUpdate } from '../../../shared/training';

/**
 * Each dataset's latest Replicate training as main last reported it (events, or the manifest when the dataset
 * opens), and the Replicate token's status. `endedHere` marks a training this page saw end, so the workspace
 * keeps telling the user about it until they dismiss it.
 */
interface TrainingStore {
  byDataset: Record<string, TrainingUpdate>;
  endedHere: Record<string, boolean>;
  token: KeyStatus | null;
  update(datasetId: string, update: TrainingUpdate): void;
  /** What the manifest says when the dataset opens (main reports any change from there). */
  seed(datasetId: string, record: TrainingRecord | null): void;
  dismiss(datasetId: string): void;
  setToken(token: KeyStatus): void;
}

const active = (u: TrainingUpdate | undefined) =>
  u !== undefined && (u.step !== null || (u.record !== null && isTrainingActive(u.record.status)));

export const useTraining = create<TrainingStore>()((set, get) => ({
  byDataset: {},
  endedHere: {},
  token: null,
  update: (datasetId, update) => {
    const before = get().byDataset[datasetId]?.record;
    const after = update.record;
    // The training this page was following has just ended (not an older one shown again).
    const ended =
      before != null &&
      after !== null &&
      isTrainingActive(before.status) &&
      !isTrainingActive(after.status) &&
      (before.id === null || before.id === after.id);
    set({
      byDataset: { ...get().byDataset, [datasetId]: update },
      endedHere: { ...get().endedHere, [datasetId]: ended || (get().endedHere[datasetId] === true && !active(update)) },
    });
  },
  seed: (datasetId, record) => {
    // This page's events (an upload in flight, a training followed) are fresher than the manifest.
    if (active(get().byDataset[datasetId])) return;
    const byDataset = { ...get().byDataset };
    if (record) byDataset[datasetId] = { record, step: null, exported: null, zipBytes: null, problem: null };
    else delete byDataset[datasetId];
    set({ byDataset, endedHere: { ...get().endedHere, [datasetId]: false } });
  },
  dismiss: (datasetId) => set({ endedHere: { ...get().endedHere, [datasetId]: false } }),
  setToken: (token) => set({ token }),
}));

/** The training is being prepared, uploaded or run: the workspace follows it. */
export const isFollowing = active;
