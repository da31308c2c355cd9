import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  dialog,
  FakeBrowserWindow,
  resetElectronMock,
  shell,
} from '../../../tests/support/electron/electron-mock';
import { openedWith } from '../../../tests/support/electron/electron-store-mock';
import { defaultSettings } from '../../core/workflow';
import { AppError } from '../../shared/errors';
import { appStoreOver, openAppStore, repairSettings } from './app-store';
import { createElectronDialogs, withDefaultExtension } from './dialogs';
import { resolveAppPaths } from './electron-paths';
import { scriptedDialogsFromEnv, TEST_DIALOG_ENV } from './scripted-dialogs';
import { createElectronShell } from './shell';

beforeEach(() => resetElectronMock());

function mapStore() {
  const map = new Map<string, unknown>();
  return { map, kv: { get: (k: string) => map.get(k), set: (k: string, v: unknown) => void map.set(k, v) } };
}

describe('settings store', () => {
  it('starts from the defaults and keeps what was set', () => {
    const { kv } = mapStore();
    const store = appStoreOver(kv);
    expect(store.settings.get()).toEqual(defaultSettings());
    const next = { ...defaultSettings(), rpm: 1000, concurrency: 8 };
    store.settings.set(next);
    expect(store.settings.get()).toEqual(next);
  });

  it('repairs a hand-edited file field by field', () => {
    const repaired = repairSettings({ ...defaultSettings(), rpm: -5, concurrency: 6, prompt: '', extra: 'x' });
    expect(repaired).toEqual({ ...defaultSettings(), concurrency: 6 });
    expect(repairSettings('nonsense')).toEqual(defaultSettings());
  });

  it('refuses to save invalid settings', () => {
    const { kv } = mapStore();
    expect(() => appStoreOver(kv).settings.set({ ...defaultSettings(), downscale: 10 })).toThrow();
  });

  it('lives in settings.json in the data folder, reset rather than fatal when corrupted', () => {
    const store = openAppStore('/data/dir');
    expect(openedWith.at(-1)).toMatchObject({ cwd: '/data/dir', name: 'settings', clearInvalidConfig: true });
    expect(store.settings.get()).toEqual(defaultSettings());
    expect(store.windowState.get()).toBeNull();
  });

  it('keeps the window state apart', () => {
    const { kv, map } = mapStore();
    const store = appStoreOver(kv);
    store.windowState.set({ x: 1, y: 2, width: 1000, height: 700, maximized: false });
    expect(map.get('window')).toEqual({ x: 1, y: 2, width: 1000, height: 700, maximized: false });
    expect(store.windowState.get()).toEqual(map.get('window'));
  });
});

describe('native dialogs', () => {
  const withWindow = () => {
    const window = new FakeBrowserWindow({});
    return { window, dialogs: createElectronDialogs(() => window as unknown as BrowserWindow) };
  };

  it('chooses folders (several at once) modal to the window', async () => {
    const { window, dialogs } = withWindow();
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/photos/a', '/photos/b'] });
    await expect(dialogs.chooseFolder()).resolves.toEqual(['/photos/a', '/photos/b']);
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(expect.arrayContaining(['openDirectory', 'multiSelections']));
  });

  it('chooses image files with an image filter, and maps cancel to null', async () => {
    const { dialogs } = withWindow();
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(dialogs.chooseFiles()).resolves.toBeNull();
    const options = dialog.showOpenDialog.mock.calls[0]?.[1];
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(options.filters[0].extensions).toEqual(expect.arrayContaining(['jpg', 'png', 'heic', 'webp']));
  });

  it('saves into Downloads with a .zip filter, adding the extension GTK leaves out', async () => {
    const { dialogs } = withWindow();
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/user/Downloads/cats' });
    await expect(dialogs.chooseSavePath('tok_training.zip')).resolves.toBe('/home/user/Downloads/cats.zip');
    const options = dialog.showSaveDialog.mock.calls[0]?.[1];
    expect(options.defaultPath).toBe('/home/user/Downloads/tok_training.zip');
    expect(options.filters).toEqual([{ name: 'ZIP archive', extensions: ['zip'] }]);
  });

  it('falls back to Documents when there is no Downloads folder', async () => {
    delete app.paths.downloads;
    const dialogs = createElectronDialogs(() => null);
    dialog.showSaveDialog.mockResolvedValue({ canceled: true });
    await expect(dialogs.chooseSavePath('x.zip')).resolves.toBeNull();
    expect(dialog.showSaveDialog.mock.calls[0]?.[0].defaultPath).toBe('/home/user/Documents/x.zip');
  });

  it('withDefaultExtension keeps a chosen extension', () => {
    expect(withDefaultExtension('/a/b.ZIP', 'x.zip')).toBe('/a/b.ZIP');
    expect(withDefaultExtension('/a/b', 'x.zip')).toBe('/a/b.zip');
  });
});

describe('scripted dialogs (end-to-end tests only)', () => {
  it('are off without the variable and answer from it with it', async () => {
    expect(scriptedDialogsFromEnv({})).toBeNull();
    const dialogs = scriptedDialogsFromEnv({ [TEST_DIALOG_ENV]: JSON.stringify({ folder: ['/p'], save: '/o.zip' }) });
    await expect(dialogs?.chooseFolder()).resolves.toEqual(['/p']);
    await expect(dialogs?.chooseFiles()).resolves.toBeNull();
    await expect(dialogs?.chooseSavePath('x.zip')).resolves.toBe('/o.zip');
    expect(() => scriptedDialogsFromEnv({ [TEST_DIALOG_ENV]: '42' })).toThrow();
  });
});

describe('desktop shell', () => {
  it('opens only allow-listed links', async () => {
    const desktop = createElectronShell();
    await desktop.openExternal('https://aistudio.google.com/apikey');
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://aistudio.google.com/apikey');
    await expect(desktop.openExternal('https://evil.example/')).rejects.toBeInstanceOf(AppError);
    await expect(desktop.openExternal('file:///etc/passwd')).rejects.toMatchObject({ kind: 'validation' });
    expect(shell.openExternal).toHaveBeenCalledOnce();
  });

  it('reports a file the OS cannot open as an io error', async () => {
    shell.openPath.mockResolvedValueOnce('No application is associated');
    await expect(createElectronShell().openPath('/x.heic')).rejects.toMatchObject({ kind: 'io' });
  });
});

describe('data folder', () => {
  it("is Electron's userData, or CAPTION_STUDIO_DATA_DIR with Electron's own data inside it", () => {
    expect(resolveAppPaths({})).toEqual({ dataDir: '/home/user/.config/Caption Studio' });
    expect(app.setPath).not.toHaveBeenCalled();
    expect(resolveAppPaths({ CAPTION_STUDIO_DATA_DIR: '/tmp/cs-test' })).toEqual({ dataDir: '/tmp/cs-test' });
    expect(app.setPath).toHaveBeenCalledWith('userData', '/tmp/cs-test/electron');
  });
});
