import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import type { UrlPredicate } from '../security';

/**
 * Checklist item 17: a request counts only when it comes from the main frame of the window we created, showing
 * one of our own pages. Another window or web contents, an iframe, or a page that navigated elsewhere is refused,
 * whatever it sends.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow | null,
  isAppUrl: UrlPredicate,
): boolean {
  if (!window || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender.id !== contents.id) return false;
  const frame = event.senderFrame;
  // senderFrame is null once the frame navigated away or was destroyed: nothing to trust then. A frame with a
  // parent is an iframe; only the top document of our own window may call.
  if (!frame || (frame !== contents.mainFrame && frame.parent !== null)) return false;
  return isAppUrl(frame.url);
}
