import { create } from 'zustand';
import type { BatchStatus } from '../../../shared/progress';

/** Each dataset's Gemini batch job as main last reported it (events, or the manifest when the dataset opens). */
interface BatchStore {
  byDataset: Record<string, BatchStatus>;
  set(datasetId: string, status: BatchStatus | null): void;
}

export const useBatch = create<BatchStore>()((set, get) => ({
  byDataset: {},
  set: (datasetId, status) => {
    const byDataset = { ...get().byDataset };
    if (status) byDataset[datasetId] = status;
    else delete byDataset[datasetId];
    set({ byDataset });
  },
}));
