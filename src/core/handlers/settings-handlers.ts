import { DatasetSettings } from '../../shared/dataset';
import { AppError } from '../../shared/errors';
import { defaultSettings } from '../workflow';
import type { BackendContext } from './context';
import type { Handlers } from './types';

/** The app-wide settings, or the built-in ones when the stored value is missing or no longer valid. */
export function currentSettings(ctx: BackendContext): DatasetSettings {
  const stored = DatasetSettings.safeParse(ctx.deps.settings.get());
  return stored.success ? stored.data : defaultSettings();
}

export function settingsHandlers(
  ctx: BackendContext,
): Pick<Handlers, 'getSettings' | 'setSettings' | 'factorySettings'> {
  return {
    getSettings: async () => currentSettings(ctx),
    async setSettings(patch) {
      const next = DatasetSettings.safeParse({ ...currentSettings(ctx), ...patch });
      if (!next.success) throw new AppError('validation', `Invalid settings: ${next.error.issues[0]?.message}.`);
      ctx.deps.settings.set(next.data);
      return next.data;
    },
    factorySettings: async () => defaultSettings(),
  };
}
