import { shell } from 'electron';
import type { DesktopShell } from '../../core/ports';
import { AppError } from '../../shared/errors';
import { isAllowedExternalUrl } from '../security';

/** Hand-offs to the OS; external links only through the security module's allow-list (checklist item 15). */
export function createElectronShell(): DesktopShell {
  return {
    async showInFolder(path) {
      shell.showItemInFolder(path);
    },
    async openPath(path) {
      const problem = await shell.openPath(path);
      if (problem) throw new AppError('io', `The file could not be opened: ${problem}`);
    },
    async openExternal(url) {
      if (!isAllowedExternalUrl(url))
        throw new AppError('validation', 'That link is not on the list Caption Studio may open.');
      await shell.openExternal(url);
    },
  };
}
