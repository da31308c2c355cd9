import { BrowserWindow, nativeTheme, screen, type WebPreferences } from 'electron';
import { PRODUCT_NAME } from '../core/app-paths';
import type { Logger } from '../core/ports';
import type { WindowStateStore } from './adapters/app-store';
import { MIN_SIZE, restoreWindowState } from './window-state';

/**
 * The one app window. Its web preferences are the hardened set from Electron's checklist (items 2-4, 6, 8-11),
 * spelled out even where they are the default, so a future default change or a careless edit shows up in the
 * unit test that pins them.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

/** The page background of tokens.css for the OS theme, so the window never flashes white before the UI paints. */
export function windowBackground(dark: boolean): string {
  return dark ? '#131316' : '#f5f5f7';
}

export interface MainWindowOptions {
  preload: string;
  /** The first page: the app protocol's entry, or the dev server in development. */
  url: string;
  windowState: WindowStateStore;
  log: Logger;
}

export function createMainWindow({ preload, url, windowState, log }: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = restoreWindowState(windowState.get(), workAreas);
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    webPreferences: secureWebPreferences(preload),
  });

  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  // Saved on close (normal bounds, so un-maximising later restores a sensible size).
  window.on('close', () => {
    windowState.set({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  const followTheme = () => window.setBackgroundColor(windowBackground(nativeTheme.shouldUseDarkColors));
  nativeTheme.on('updated', followTheme);
  window.on('closed', () => nativeTheme.off('updated', followTheme));

  window.loadURL(url).catch((e: unknown) => log.error(`The window could not load ${url}`, e));
  return window;
}
