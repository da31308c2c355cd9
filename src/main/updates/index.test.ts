import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, dialog, resetElectronMock } from '../../../tests/support/electron/electron-mock';
import { silentLog } from '../../../tests/support/electron/support';
import { createQuitGuard } from '../quit-guard';
import { createAppUpdates } from '.';

const fake = vi.hoisted(() => ({
  updater: null as null | (EventEmitter & { autoDownload: boolean; checkForUpdates: unknown }),
}));
vi.mock('electron-updater', async () => {
  const { EventEmitter } = await import('node:events');
  const updater = Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    checkForUpdates: vi.fn(async () => ({ isUpdateAvailable: false, updateInfo: { version: '0.0.0-test' } })),
    quitAndInstall: vi.fn(),
  });
  fake.updater = updater;
  return { autoUpdater: updater, default: { autoUpdater: updater } };
});

beforeEach(() => resetElectronMock());

function wire() {
  const opts = { log: silentLog(), getWindow: () => null, openExternal: vi.fn(), restartWith: vi.fn() };
  return { updates: createAppUpdates(opts), opts };
}

describe('createAppUpdates', () => {
  it('never loads electron-updater in development', async () => {
    const { updates } = wire();
    dialog.showMessageBox.mockResolvedValue({ response: 0 });
    await updates.check('menu');
    expect(fake.updater).toBeNull();
    expect(dialog.showMessageBox.mock.calls[0]?.[0]).toMatchObject({ message: 'Updates are not available' });
  });

  it.runIf(process.platform !== 'darwin')(
    'checks GitHub Releases through electron-updater when installed',
    async () => {
      app.isPackaged = true;
      const { updates } = wire();
      dialog.showMessageBox.mockResolvedValue({ response: 0 });
      await updates.check('menu');
      expect(fake.updater?.checkForUpdates).toHaveBeenCalledOnce();
      expect(fake.updater?.autoDownload).toBe(true);
      expect(dialog.showMessageBox.mock.calls[0]?.[0]).toMatchObject({ message: 'Caption Studio is up to date' });
    },
  );
});

describe('restarting for an update', () => {
  function guard(running: boolean, agree: boolean) {
    const order: string[] = [];
    const backend = {
      hasActiveRuns: () => running,
      shutdown: vi.fn(async () => {
        order.push('shutdown');
        running = false;
      }),
      flushUi: async () => {},
    };
    const g = createQuitGuard({ backend, confirmStop: async () => agree, quit: vi.fn(), log: silentLog() });
    return { g, order };
  }

  it('saves everything (backend shutdown) before installing, and the installer quit then passes', async () => {
    const { g, order } = guard(true, true);
    const install = vi.fn(() => {
      order.push('install');
      const event = { preventDefault: vi.fn() };
      g.onBeforeQuit(event);
      expect(event.preventDefault).not.toHaveBeenCalled();
    });
    g.quitWith(install);
    await vi.waitFor(() => expect(install).toHaveBeenCalled());
    expect(order).toEqual(['shutdown', 'install']);
  });

  it('does not install when the user keeps captioning', async () => {
    const { g, order } = guard(true, false);
    const install = vi.fn();
    g.quitWith(install);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(install).not.toHaveBeenCalled();
    expect(order).toEqual([]);
  });
});
