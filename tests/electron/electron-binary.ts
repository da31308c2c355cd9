import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

/**
 * The Electron executable the `electron` package would run, or null when there is none. It reads the package's
 * own `path.txt` + `dist/` (or ELECTRON_OVERRIDE_DIST_PATH) instead of calling `require('electron')`, because
 * since Electron 41 that call starts a download from GitHub when the binary is missing, and this machine cannot
 * reach GitHub. Where the binary should exist (CI), fetch it first with `npx install-electron`.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const pkg = join(REPO, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? join(pkg, 'dist', relative)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
