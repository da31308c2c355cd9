import { create } from 'zustand';
import type { ImportProgress } from '../../../shared/progress';

export interface ImportingState {
  /** Dataset being imported into, or null when no import is running. */
  datasetId: string | null;
  progress: ImportProgress | null;
  error: string | null;
  begin(datasetId: string): void;
  setProgress(datasetId: string, progress: ImportProgress): void;
  end(error?: string): void;
}

export const useImporting = create<ImportingState>()((set, get) => ({
  datasetId: null,
  progress: null,
  error: null,
  begin: (datasetId) => set({ datasetId, progress: null, error: null }),
  setProgress: (datasetId, progress) => {
    if (get().datasetId === datasetId) set({ progress });
  },
  end: (error) => set({ datasetId: null, progress: null, error: error ?? null }),
}));
