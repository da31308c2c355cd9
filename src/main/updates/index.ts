import { app, type BrowserWindow, dialog } from 'electron';
import type { Logger } from '../../core/ports';
import { createUpdateController, type UpdateController, type UpdaterPort } from './controller';
import { readMacSigning } from './mac-signing';
import { type MacSigning, type UpdateMessage, updateStrategy } from './strategy';

export type { UpdateController } from './controller';

export interface AppUpdatesOptions {
  log: Logger;
  getWindow(): BrowserWindow | null;
  /** The allow-listed shell adapter's openExternal. */
  openExternal(url: string): void;
  /** The quit guard's quitWith: saves every caption before `install` quits the app. */
  restartWith(install: () => void): void;
}

/** electron-updater is CommonJS with a lazily created `autoUpdater` getter that Node's ESM interop misses. */
async function loadElectronUpdater(): Promise<UpdaterPort> {
  const mod = (await import('electron-updater')) as typeof import('electron-updater') & {
    default?: typeof import('electron-updater');
  };
  return (mod.default?.autoUpdater ?? mod.autoUpdater) as unknown as UpdaterPort;
}

/** The Electron wiring for updates: strategy from the running app, messages as native dialogs. */
export function createAppUpdates(opts: AppUpdatesOptions): UpdateController {
  const platform = process.platform;
  const show = async ({ message, detail, buttons }: UpdateMessage): Promise<number> => {
    const options = { type: 'info' as const, message, detail, buttons, defaultId: 0, cancelId: buttons.length - 1 };
    const parent = opts.getWindow();
    const answer = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return answer.response;
  };
  const controller = (async () => {
    const macSigning: MacSigning = app.isPackaged && platform === 'darwin' ? await readMacSigning() : 'unknown';
    const strategy = updateStrategy({ isPackaged: app.isPackaged, platform, macSigning });
    opts.log.info(`Updates: ${strategy}${platform === 'darwin' ? ` (signature: ${macSigning})` : ''}`);
    return createUpdateController({
      strategy,
      platform,
      currentVersion: app.getVersion(),
      loadUpdater: loadElectronUpdater,
      show,
      openLink: opts.openExternal,
      restartWith: opts.restartWith,
      log: opts.log,
    });
  })();
  return { check: async (source) => (await controller).check(source) };
}
