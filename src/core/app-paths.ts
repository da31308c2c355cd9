import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AppPaths } from './ports';

export const APP_ID = 'com.captionstudio.app';
export const PRODUCT_NAME = 'Caption Studio';

/**
 * The data directory outside Electron (CLI, preview, tests). It matches Electron's `app.getPath('userData')`
 * for our product name, so the CLI and the app share datasets. `CAPTION_STUDIO_DATA_DIR` overrides it.
 */
function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const override = env.CAPTION_STUDIO_DATA_DIR;
  if (override) return override;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export function appPaths(env: NodeJS.ProcessEnv = process.env): AppPaths {
  return { dataDir: defaultDataDir(env) };
}
