import { create } from 'zustand';
import type { DatasetSummary } from '../../../shared/progress';

export interface DatasetsState {
  list: DatasetSummary[] | null;
  loading: boolean;
  error: string | null;
  setLoading(): void;
  setList(list: DatasetSummary[]): void;
  setError(message: string): void;
  remove(id: string): void;
  rename(id: string, name: string): void;
}

export const useDatasets = create<DatasetsState>()((set, get) => ({
  list: null,
  loading: false,
  error: null,
  setLoading: () => set({ loading: true, error: null }),
  setList: (list) => set({ list, loading: false, error: null }),
  setError: (message) => set({ loading: false, error: message }),
  remove: (id) => set({ list: get().list?.filter((s) => s.id !== id) ?? null }),
  rename: (id, name) => set({ list: get().list?.map((s) => (s.id === id ? { ...s, name } : s)) ?? null }),
}));
