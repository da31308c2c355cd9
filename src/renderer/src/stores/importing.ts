import { create } from 'zustand';
import type { ImportProgress } from '../../../shared/progress';

export interface ImportingState {
  /** Session being imported into, or null when no import is running. */
  sessionId: string | null;
  progress: ImportProgress | null;
  error: string | null;
  begin(sessionId: string): void;
  setProgress(sessionId: string, progress: ImportProgress): void;
  end(error?: string): void;
}

export const useImporting = create<ImportingState>()((set, get) => ({
  sessionId: null,
  progress: null,
  error: null,
  begin: (sessionId) => set({ sessionId, progress: null, error: null }),
  setProgress: (sessionId, progress) => {
    if (get().sessionId === sessionId) set({ progress });
  },
  end: (error) => set({ sessionId: null, progress: null, error: error ?? null }),
}));
