import { join } from 'node:path';
import { app, type BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Dialogs } from '../../core/ports';
import { IMAGE_EXTENSIONS } from '../../shared/image-extensions';

/** What the importer reads (it sniffs contents anyway, so "All files" stays available). */

/** Downloads when it exists on this system, else Documents. */
function saveFolder(): string {
  try {
    return app.getPath('downloads');
  } catch {
    return app.getPath('documents');
  }
}

/** GTK's save dialog does not add the filter's extension; a ZIP without `.zip` would confuse everyone. */
export function withDefaultExtension(chosen: string, defaultName: string): string {
  const ext = /\.[A-Za-z0-9]+$/.exec(defaultName)?.[0];
  return ext && !chosen.toLowerCase().endsWith(ext.toLowerCase()) ? `${chosen}${ext}` : chosen;
}

/** Native dialogs, modal to the app's window when it is open. */
export function createElectronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  const parent = () => {
    const window = getWindow();
    return window && !window.isDestroyed() ? window : null;
  };
  const open = async (options: OpenDialogOptions) => {
    const window = parent();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
  };

  return {
    chooseFolder: () =>
      open({ title: 'Choose photo folders', properties: ['openDirectory', 'multiSelections', 'createDirectory'] }),
    chooseFiles: () =>
      open({
        title: 'Choose photos',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Images', extensions: [...IMAGE_EXTENSIONS] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    async chooseSavePath(defaultName) {
      const options: SaveDialogOptions = {
        title: 'Export training ZIP',
        defaultPath: join(saveFolder(), defaultName),
        filters: [{ name: 'ZIP archive', extensions: ['zip'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : withDefaultExtension(result.filePath, defaultName);
    },
  };
}
