import type { KeyStatus, ModelTarget, SettingsPatch } from '../../../shared/contract';
import type { DatasetSettings } from '../../../shared/dataset';
import { api, unwrap } from '../api';
import { useSettings } from '../stores/settings';
import { useWorkspace } from '../stores/workspace';

/** Loads key status, app defaults and the built-in values; each part that fails is simply left unknown. */
export async function loadSettings(): Promise<void> {
  const store = useSettings.getState();
  const [key, defaults, factory] = await Promise.allSettled([
    unwrap(api.keyStatus()),
    unwrap(api.getSettings()),
    unwrap(api.factorySettings()),
  ]);
  if (key.status === 'fulfilled') store.setKey(key.value);
  if (defaults.status === 'fulfilled') store.setDefaults(defaults.value);
  if (factory.status === 'fulfilled') store.setFactory(factory.value);
}

/** Key calls throw a UiErrorLike for the settings panel to show beside the key field. */
async function keyCall(p: Promise<KeyStatus>): Promise<KeyStatus> {
  const status = await p;
  useSettings.getState().setKey(status);
  return status;
}

export const saveKey = (key: string) => keyCall(unwrap(api.setKey(key)));
export const testKey = () => keyCall(unwrap(api.testKey()));
export const removeKey = () => keyCall(unwrap(api.removeKey()));

export async function saveDefaults(patch: SettingsPatch): Promise<DatasetSettings> {
  const saved = await unwrap(api.setSettings(patch));
  useSettings.getState().setDefaults(saved);
  return saved;
}

/** Settings of the open dataset (what its next run uses). */
export async function saveDatasetSettings(patch: SettingsPatch): Promise<DatasetSettings> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) return saveDefaults(patch);
  const manifest = await unwrap(api.updateDatasetSettings(dataset.id, patch));
  useWorkspace.getState().setSettings(manifest.settings);
  return manifest.settings;
}

/** The models Gemini (for the stored key) or a server offers; no tokens spent. */
export const listModels = (target: ModelTarget) => unwrap(api.listModels(target));

/** A server's key, per base URL; saving lists the server's models with it first, so a refused key is never kept. */
export const serverKeyStatus = (baseUrl: string) => unwrap(api.serverKeyStatus(baseUrl));
export const saveServerKey = (baseUrl: string, key: string) => unwrap(api.setServerKey(baseUrl, key));
export const removeServerKey = (baseUrl: string) => unwrap(api.removeServerKey(baseUrl));
