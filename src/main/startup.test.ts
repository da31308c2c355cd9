import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  dialog,
  FakeBrowserWindow,
  ipcMain,
  Menu,
  protocol,
  resetElectronMock,
  session,
} from '../../tests/support/electron/electron-mock';
import { silentLog } from '../../tests/support/electron/support';
import { channelOf } from '../shared/contract';
import { appUrlPredicate } from './security';
import { startApp } from './startup';

const backend = vi.hoisted(() => ({ running: false, shutdown: 0 }));
vi.mock('../core/handlers', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  createBackend: () => ({
    handlers: new Proxy({}, { get: () => async () => 'ok' }),
    media: { resolve: async () => null },
    hasActiveRuns: () => backend.running,
    shutdown: async () => {
      backend.shutdown += 1;
      backend.running = false;
    },
  }),
}));
// No disk and no keychain: this test is about the order of the wiring.
vi.mock('../core/datasets', () => ({ createDatasetStore: () => ({}) }));
vi.mock('../core/secrets', () => ({ createOsKeychain: () => ({}) }));

beforeEach(() => {
  resetElectronMock();
  backend.running = false;
  backend.shutdown = 0;
});

function start(devServerUrl: string | null = null) {
  return startApp({
    paths: { dataDir: '/data' },
    devServerUrl,
    isAppUrl: appUrlPredicate(devServerUrl),
    log: silentLog(),
    env: {},
  });
}

const firstCall = (fn: { mock: { invocationCallOrder: number[] } }) => fn.mock.invocationCallOrder[0] ?? Infinity;

describe('startApp', () => {
  it('wires security and protocol, then IPC, then the window, then the menu', () => {
    start();
    const order = [
      firstCall(session.defaultSession.setPermissionRequestHandler),
      firstCall(protocol.handle),
      firstCall(ipcMain.handle),
      firstCall(FakeBrowserWindow.constructed),
      firstCall(Menu.setApplicationMenu),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every(Number.isFinite)).toBe(true);
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('loads the app protocol, or the dev server in development', () => {
    start();
    expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('caption-studio://app/index.html');
    resetElectronMock();
    start('http://localhost:5173');
    expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('sends menu commands to the window as events', () => {
    start();
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as Array<{ submenu?: Array<Record<string, unknown>> }>;
    const item = template.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'export') as { click: () => void };
    item.click();
    const window = FakeBrowserWindow.instances[0];
    expect(window?.webContents.send).toHaveBeenCalledWith(channelOf('menuCommand'), { command: 'export' });
  });

  it('asks before closing during a run, then shuts the backend down and quits', async () => {
    start();
    const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    backend.running = true;
    dialog.showMessageBox.mockResolvedValue({ response: 0 });
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      message: 'Captioning is still running.',
      detail: expect.stringContaining('Captions received so far are saved.'),
    });
    expect(backend.shutdown).toBe(1);
  });

  it('reopens or focuses the window on demand (second instance, dock click)', () => {
    const running = start();
    const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    window.minimized = true;
    running.showWindow();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    window.emit('closed');
    running.showWindow();
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });
});
