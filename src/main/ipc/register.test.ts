import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  type FakeFrame,
  FakeWebContents,
  ipcMain,
  resetElectronMock,
} from '../../../tests/support/electron/electron-mock';
import { silentLog } from '../../../tests/support/electron/support';
import type { Handlers } from '../../core/handlers';
import { type CallName, calls, channelOf } from '../../shared/contract';
import { appUrlPredicate } from '../security';
import { createWindowEmitter } from './emit';
import { REFUSED, registerIpc } from './register';

const contractNames = Object.keys(calls) as CallName[];

function fakeHandlers() {
  return Object.fromEntries(
    contractNames.map((name) => [name, vi.fn(async () => `${name} done`)]),
  ) as unknown as Handlers & Record<CallName, ReturnType<typeof vi.fn>>;
}

function setup(devServerUrl: string | null = null) {
  const window = new FakeBrowserWindow({});
  const handlers = fakeHandlers();
  const log = silentLog();
  registerIpc({
    handlers,
    getWindow: () => window as unknown as BrowserWindow,
    isAppUrl: appUrlPredicate(devServerUrl),
    log,
  });
  const invoke = (
    name: CallName,
    event: { sender: FakeWebContents; senderFrame: FakeFrame | null },
    ...args: unknown[]
  ) => {
    const handler = ipcMain.handlers.get(channelOf(name));
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler(event, ...args);
  };
  const fromApp = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
  return { window, handlers, log, invoke, fromApp };
}

beforeEach(() => resetElectronMock());

describe('registerIpc', () => {
  it('registers exactly one handler per contract call, on the derived channel', () => {
    setup();
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels).toHaveLength(contractNames.length);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels.sort()).toEqual(contractNames.map((n) => channelOf(n)).sort());
  });

  it('lets a request from the app window main frame through to dispatch', async () => {
    const { invoke, fromApp, handlers } = setup();
    await expect(invoke('listDatasets', fromApp())).resolves.toEqual({ ok: true, value: 'listDatasets done' });
    await expect(invoke('renameDataset', fromApp(), 'abc', 'Cats')).resolves.toEqual({
      ok: true,
      value: 'renameDataset done',
    });
    expect(handlers.renameDataset).toHaveBeenCalledWith('abc', 'Cats');
  });

  it('validates arguments through dispatch (schema errors come back as a validation envelope)', async () => {
    const { invoke, fromApp, handlers } = setup();
    const answer = (await invoke('openDataset', fromApp(), '../../etc')) as { ok: boolean; error: { kind: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.kind).toBe('validation');
    expect(handlers.openDataset).not.toHaveBeenCalled();
  });

  it('refuses another web contents without calling the handler', async () => {
    const { invoke, handlers, log } = setup();
    const stranger = new FakeWebContents();
    await expect(invoke('listDatasets', { sender: stranger, senderFrame: stranger.mainFrame })).resolves.toEqual(
      REFUSED,
    );
    expect(handlers.listDatasets).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalled();
  });

  it('refuses a subframe of the app window', async () => {
    const { invoke, handlers, window } = setup();
    const iframe: FakeFrame = { url: 'caption-studio://app/index.html', parent: window.webContents.mainFrame };
    await expect(invoke('listDatasets', { sender: window.webContents, senderFrame: iframe })).resolves.toEqual(REFUSED);
    expect(handlers.listDatasets).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/index.html',
    'caption-studio://media/thumb/s/i',
    'caption-studio://evil/index.html',
    'file:///home/user/index.html',
    'http://localhost:5173/',
    'about:blank',
  ])('refuses the app window main frame showing a foreign page (%s)', async (url) => {
    const { invoke, handlers, window } = setup();
    window.webContents.mainFrame.url = url;
    await expect(
      invoke('deleteDataset', { sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'abc'),
    ).resolves.toEqual(REFUSED);
    expect(handlers.deleteDataset).not.toHaveBeenCalled();
  });

  it('refuses when the frame is gone or the window is destroyed', async () => {
    const { invoke, handlers, window, fromApp } = setup();
    await expect(invoke('listDatasets', { sender: window.webContents, senderFrame: null })).resolves.toEqual(REFUSED);
    window.destroyed = true;
    await expect(invoke('listDatasets', fromApp())).resolves.toEqual(REFUSED);
    expect(handlers.listDatasets).not.toHaveBeenCalled();
  });

  it('accepts the electron-vite dev server origin only in development', async () => {
    const dev = setup('http://localhost:5173');
    dev.window.webContents.mainFrame.url = 'http://localhost:5173/';
    await expect(dev.invoke('listDatasets', dev.fromApp())).resolves.toMatchObject({ ok: true });
    dev.window.webContents.mainFrame.url = 'http://localhost:5174/';
    await expect(dev.invoke('listDatasets', dev.fromApp())).resolves.toEqual(REFUSED);
  });
});

describe('createWindowEmitter', () => {
  it('sends events on the derived channel to the live window only', () => {
    let window: FakeBrowserWindow | null = null;
    const emit = createWindowEmitter(() => window as unknown as BrowserWindow | null);
    emit('menuCommand', { command: 'export' }); // no window yet: dropped
    window = new FakeBrowserWindow({});
    emit('menuCommand', { command: 'export' });
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(channelOf('menuCommand'), { command: 'export' });
    window.webContents.destroyed = true;
    emit('menuCommand', { command: 'settings' });
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });
});
