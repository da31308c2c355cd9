import { create } from 'zustand';
import type { KeyStatus } from '../../../shared/contract';
import type { SessionSettings } from '../../../shared/dataset';

export interface SettingsState {
  key: KeyStatus | null;
  /** Defaults for new datasets (app-wide). */
  defaults: SessionSettings | null;
  /** Built-in values, for "Reset to default". */
  factory: SessionSettings | null;
  setKey(key: KeyStatus): void;
  setDefaults(settings: SessionSettings): void;
  setFactory(settings: SessionSettings): void;
}

export const useSettings = create<SettingsState>()((set) => ({
  key: null,
  defaults: null,
  factory: null,
  setKey: (key) => set({ key }),
  setDefaults: (defaults) => set({ defaults }),
  setFactory: (factory) => set({ factory }),
}));
