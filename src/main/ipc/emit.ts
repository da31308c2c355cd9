import type { BrowserWindow } from 'electron';
import type { Emit } from '../../core/handlers';
import { channelOf } from '../../shared/contract';

/** Pushes contract events to the app's window on their derived channels; dropped when there is no live window. */
export function createWindowEmitter(getWindow: () => BrowserWindow | null): Emit {
  return (name, payload) => {
    const window = getWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(channelOf(name), payload);
  };
}
