import Store from 'electron-store';
import type { SettingsStore } from '../../core/ports';
import { defaultSettings } from '../../core/workflow';
import { DatasetSettings } from '../../shared/dataset';
import type { WindowState } from '../window-state';

/**
 * App-wide state in one electron-store file (`settings.json` in the data folder, written atomically by `conf`):
 * the defaults for new datasets and the window bounds. Exposed as small ports so nothing else knows the store.
 */

export interface WindowStateStore {
  /** Whatever was saved (validated by restoreWindowState, since users can edit the file). */
  get(): unknown;
  set(state: WindowState): void;
}

export interface AppStore {
  settings: SettingsStore<DatasetSettings>;
  windowState: WindowStateStore;
}

/** The part of electron-store (or `conf`) the ports use; tests pass a Map. */
export interface KeyValue {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Keeps every valid saved field and restores the default for each invalid or missing one. */
export function repairSettings(raw: unknown): DatasetSettings {
  const defaults = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return defaults;
  const saved = raw as Record<string, unknown>;
  const repaired: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(DatasetSettings.shape)) {
    const field = schema.safeParse(saved[key]);
    repaired[key] = field.success ? field.data : defaults[key as keyof DatasetSettings];
  }
  return DatasetSettings.parse(repaired);
}

export function appStoreOver(kv: KeyValue): AppStore {
  return {
    settings: {
      get: () => repairSettings(kv.get('settings')),
      set: (value) => kv.set('settings', DatasetSettings.parse(value)),
    },
    windowState: {
      get: () => kv.get('window'),
      set: (state) => kv.set('window', state),
    },
  };
}

interface StoreShape {
  settings: DatasetSettings;
  window: WindowState | null;
}

/** Opens (or creates) the store in `dataDir`; a corrupted file is reset rather than blocking the app's start. */
export function openAppStore(dataDir: string): AppStore {
  const store = new Store<StoreShape>({
    cwd: dataDir,
    name: 'settings',
    defaults: { settings: defaultSettings(), window: null },
    clearInvalidConfig: true,
  });
  return appStoreOver(store as unknown as KeyValue);
}
