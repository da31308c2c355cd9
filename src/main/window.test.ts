import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, nativeTheme, resetElectronMock, screen } from '../../tests/support/electron/electron-mock';
import { silentLog } from '../../tests/support/electron/support';
import { createMainWindow, secureWebPreferences, windowBackground } from './window';
import { DEFAULT_SIZE, MIN_SIZE, restoreWindowState } from './window-state';

beforeEach(() => resetElectronMock());

function open(saved: unknown = null) {
  const windowState = { get: vi.fn(() => saved), set: vi.fn() };
  createMainWindow({
    preload: '/app/out/preload/index.cjs',
    url: 'caption-studio://app/index.html',
    windowState,
    log: silentLog(),
  });
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window created');
  return { window, windowState };
}

describe('the main window', () => {
  it('uses exactly the hardened webPreferences', () => {
    const { window } = open();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
    });
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs'));
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('stays hidden until ready-to-show, with a minimum size and the OS theme background', () => {
    nativeTheme.shouldUseDarkColors = true;
    const { window } = open();
    expect(window.options).toMatchObject({
      show: false,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      backgroundColor: windowBackground(true),
      title: 'Caption Studio',
    });
    expect(window.options).not.toHaveProperty('frame');
    expect(window.options).not.toHaveProperty('titleBarStyle');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('caption-studio://app/index.html');
  });

  it('follows OS theme changes while open', () => {
    const { window } = open();
    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith(windowBackground(true));
    window.emit('closed');
    expect(nativeTheme.listenerCount('updated')).toBe(0);
  });

  it('restores saved bounds (maximised too) and saves them on close', () => {
    const { window, windowState } = open({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(window.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
    window.emit('close', { preventDefault: vi.fn() });
    expect(windowState.set).toHaveBeenCalledWith({ ...window.normalBounds, maximized: true });
  });
});

describe('restoreWindowState', () => {
  const screenArea = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('falls back to the default size for missing or malformed state', () => {
    for (const saved of [null, undefined, 'x', { width: 'big' }, { height: 500 }]) {
      expect(restoreWindowState(saved, screenArea)).toEqual({ ...DEFAULT_SIZE, maximized: false });
    }
  });

  it('drops the position when the window would be off every screen (a disconnected monitor)', () => {
    expect(restoreWindowState({ x: 3000, y: 100, width: 1200, height: 800 }, screenArea)).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(restoreWindowState({ x: 100, y: -900, width: 1200, height: 800 }, screenArea)).not.toHaveProperty('x');
  });

  it('keeps a visible position and clamps the size between the minimum and the screen', () => {
    expect(restoreWindowState({ x: 50, y: 40, width: 300, height: 200 }, screenArea)).toEqual({
      x: 50,
      y: 40,
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
      maximized: false,
    });
    expect(restoreWindowState({ x: 0, y: 0, width: 5000, height: 4000 }, screenArea)).toMatchObject({
      width: 1920,
      height: 1080,
    });
  });

  it('uses the screen list the display module reports', () => {
    expect(screen.getAllDisplays).not.toHaveBeenCalled();
    open();
    expect(screen.getAllDisplays).toHaveBeenCalled();
  });
});
