import { app, BrowserWindow, dialog } from 'electron';
import { redact } from '../core/log';
import { resolveAppPaths } from './adapters/electron-paths';
import { installCrashHandlers } from './crash';
import { createAppLogger } from './log-file';
import { registerAppScheme } from './protocol';
import { appUrlPredicate } from './security';
import { type RunningApp, startApp } from './startup';

/**
 * The app as the user starts it: what must happen before `ready` (error logging, the privileged scheme, the data
 * folder, the single-instance lock), then startApp. Kept thin on purpose; each step lives in its own module.
 */
export function launchApp(): void {
  // Logs go to stderr and to the rotating file in the app's log folder (resolved on the first line written).
  const log = createAppLogger();
  installCrashHandlers(log);

  // electron-vite sets ELECTRON_RENDERER_URL for `dev`; a packaged app never loads a dev server.
  const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || null;
  registerAppScheme();
  const paths = resolveAppPaths(process.env);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let running: RunningApp | null = null;
  app.on('second-instance', () => running?.showWindow());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) running?.showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => {
      running = startApp({ paths, devServerUrl, isAppUrl: appUrlPredicate(devServerUrl), log, env: process.env });
    })
    .catch((e: unknown) => {
      log.error('Caption Studio could not start', e);
      dialog.showErrorBox('Caption Studio could not start', redact(e instanceof Error ? e.message : String(e)));
      app.exit(1);
    });
}
