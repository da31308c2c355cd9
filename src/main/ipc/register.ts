import { type BrowserWindow, ipcMain } from 'electron';
import type { Handlers } from '../../core/handlers';
import { dispatch } from '../../core/handlers';
import type { Logger } from '../../core/ports';
import { callNames, channelOf, type Envelope } from '../../shared/contract';
import type { UrlPredicate } from '../security';
import { isTrustedSender } from './sender';

/** What an untrusted sender gets back: no detail, so a probing page learns nothing. */
export const REFUSED: Envelope<never> = { ok: false, error: { kind: 'validation', message: 'Request refused.' } };

export interface IpcOptions {
  handlers: Handlers;
  /** The app's window, created after the handlers are registered (null until then and after it closes). */
  getWindow: () => BrowserWindow | null;
  isAppUrl: UrlPredicate;
  log: Logger;
}

/**
 * One `ipcMain.handle` per contract call on its derived channel. Each request passes the sender check, then the
 * shared dispatch boundary (name, argument schema, error envelope) that the browser preview uses too.
 */
export function registerIpc({ handlers, getWindow, isAppUrl, log }: IpcOptions): void {
  for (const name of callNames) {
    ipcMain.handle(channelOf(name), (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, getWindow(), isAppUrl)) {
        log.warn(`Refused "${name}" from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
        return Promise.resolve(REFUSED);
      }
      return dispatch(handlers, name, args, (message, error) => log.error(message, error));
    });
  }
}
