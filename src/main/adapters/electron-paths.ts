import { join, resolve } from 'node:path';
import { app } from 'electron';
import type { AppPaths } from '../../core/ports';

/**
 * The data folder: Electron's userData (the same folder the CLI uses), or CAPTION_STUDIO_DATA_DIR. With the
 * override, Electron's own userData (Chromium's cache and storage, and the single-instance lock) moves under it
 * too, so a test run neither touches the user's profile nor exits because the user's app is open. Must run before
 * `app` is ready (and before requestSingleInstanceLock).
 */
export function resolveAppPaths(env: NodeJS.ProcessEnv = process.env): AppPaths {
  const override = env.CAPTION_STUDIO_DATA_DIR;
  if (!override) return { dataDir: app.getPath('userData') };
  const dataDir = resolve(override);
  app.setPath('userData', join(dataDir, 'electron'));
  return { dataDir };
}
