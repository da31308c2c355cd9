import { create } from 'zustand';
import type { KeyStatus } from '../../../shared/contract';
import type { DatasetSettings } from '../../../shared/dataset';

export interface SettingsState {
  key: KeyStatus | null;
  /** Defaults for new datasets (app-wide). */
  defaults: DatasetSettings | null;
  /** Built-in values, for "Reset to default". */
  factory: DatasetSettings | null;
  setKey(key: KeyStatus): void;
  setDefaults(settings: DatasetSettings): void;
  setFactory(settings: DatasetSettings): void;
}

export const useSettings = create<SettingsState>()((set) => ({
  key: null,
  defaults: null,
  factory: null,
  setKey: (key) => set({ key }),
  setDefaults: (defaults) => set({ defaults }),
  setFactory: (factory) => set({ factory }),
}));
