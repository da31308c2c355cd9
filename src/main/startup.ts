import { join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import { createDatasetStore } from '../core/datasets';
import { type Backend, createBackend } from '../core/handlers';
import type { AppPaths, Logger } from '../core/ports';
import { createOsKeychain } from '../core/secrets';
import { APP_ENTRY_URL } from '../shared/app-urls';
import { installAboutPanel, showAboutDialog } from './about';
import { openAppStore } from './adapters/app-store';
import { createElectronDialogs } from './adapters/dialogs';
import { scriptedDialogsFromEnv } from './adapters/scripted-dialogs';
import { createElectronShell } from './adapters/shell';
import { createWindowEmitter } from './ipc/emit';
import { registerIpc } from './ipc/register';
import { installMenu } from './menu';
import { installAppProtocol } from './protocol';
import { createQuitGuard } from './quit-guard';
import { installSecurity, type UrlPredicate } from './security';
import { createAppUpdates } from './updates';
import { createMainWindow } from './window';

export interface StartupContext {
  paths: AppPaths;
  /** The electron-vite dev server in development, else null (the app protocol serves the built UI). */
  devServerUrl: string | null;
  isAppUrl: UrlPredicate;
  log: Logger;
  env: NodeJS.ProcessEnv;
}

export interface RunningApp {
  /** Focuses the window, or opens one (macOS keeps running without windows). */
  showWindow(): void;
}

const STOP_QUESTION = {
  type: 'warning' as const,
  buttons: ['Stop Captioning', 'Keep Captioning'],
  defaultId: 1,
  cancelId: 1,
  message: 'Captioning is still running.',
  detail: 'Captions received so far are saved. Images still waiting keep their place and can be captioned later.',
};

/**
 * Everything after `app` is ready, in a fixed order: security policy and protocol (before any page exists),
 * settings, backend, IPC, window, menu. Electron-specific wiring only; the work is in the backend.
 */
export function startApp(ctx: StartupContext): RunningApp {
  const { log } = ctx;
  let window: BrowserWindow | null = null;
  const getWindow = () => window;
  const emit = createWindowEmitter(getWindow);

  installSecurity(ctx.isAppUrl, log);
  // The protocol exists before the backend, so media lookups go through this late-bound reference.
  let backend: Backend | null = null;
  installAppProtocol({
    rendererRoot: join(import.meta.dirname, '../renderer'),
    media: { resolve: (kind, sid, iid) => backend?.media.resolve(kind, sid, iid) ?? Promise.resolve(null) },
    log,
  });

  const appStore = openAppStore(ctx.paths.dataDir);
  const shell = createElectronShell();
  // End-to-end tests answer dialogs through an environment variable; a packaged app never does.
  const scripted = app.isPackaged ? null : scriptedDialogsFromEnv(ctx.env);
  if (scripted) log.warn('Dialogs are scripted by CAPTION_STUDIO_TEST_DIALOG_PATHS (test run).');
  const running = createBackend({
    store: createDatasetStore(ctx.paths),
    keychain: createOsKeychain(),
    dialogs: scripted ?? createElectronDialogs(getWindow),
    shell,
    settings: appStore.settings,
    emit,
    env: ctx.env,
    log,
    // Before quitting, the page gets this long to save captions typed in the last moments.
    uiFlushTimeoutMs: 3000,
    isUiAttached: () => {
      const w = getWindow();
      return w !== null && w !== undefined && !w.isDestroyed() && !w.webContents.isDestroyed();
    },
  });
  backend = running;

  registerIpc({ handlers: running.handlers, getWindow, isAppUrl: ctx.isAppUrl, log });

  const guard = createQuitGuard({
    backend: running,
    confirmStop: async () => {
      const parent = getWindow();
      const answer = parent
        ? await dialog.showMessageBox(parent, STOP_QUESTION)
        : await dialog.showMessageBox(STOP_QUESTION);
      return answer.response === 0;
    },
    quit: () => app.quit(),
    log,
  });
  app.on('before-quit', (event) => guard.onBeforeQuit(event));

  const openExternal = (url: string) =>
    void shell.openExternal(url).catch((e: unknown) => log.error('Could not open a link', e));
  // Installed builds only (the strategy is 'off' in development); never blocks or fails startup.
  const updates = createAppUpdates({ log, getWindow, openExternal, restartWith: (install) => guard.quitWith(install) });
  let checkedAtStart = false;

  function openWindow(): BrowserWindow {
    const created = createMainWindow({
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      url: ctx.devServerUrl ?? APP_ENTRY_URL,
      windowState: appStore.windowState,
      log,
    });
    created.on('close', (event) => guard.onWindowClose(event, created));
    created.once('show', () => {
      if (checkedAtStart) return;
      checkedAtStart = true;
      void updates.check('startup');
    });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
    return created;
  }
  openWindow();

  installAboutPanel();
  installMenu(
    { isMac: process.platform === 'darwin', isDev: ctx.devServerUrl !== null, appName: app.name },
    {
      command: (command) => emit('menuCommand', { command }),
      openExternal,
      checkForUpdates: () => void updates.check('menu'),
      showAbout: () =>
        void showAboutDialog(getWindow(), openExternal).catch((e: unknown) => log.error('About failed', e)),
    },
  );

  return {
    showWindow() {
      const current = window ?? openWindow();
      if (current.isMinimized()) current.restore();
      current.show();
      current.focus();
    },
  };
}
