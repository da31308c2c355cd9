import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { silentLog } from '../../../tests/support/electron/support';
import { createUpdateController, type UpdaterPort } from './controller';
import { UPDATE_TEXT, type UpdateStrategy } from './strategy';

// strategy.ts reads the project path from security.ts, which imports electron.

class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: UpdaterPort['logger'] = null;
  next: () => Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null> = async () => null;
  checkForUpdates = vi.fn(() => this.next());
  quitAndInstall = vi.fn();
  offer(version: string) {
    this.next = async () => ({ isUpdateAvailable: true, updateInfo: { version } });
  }
}

function setup(strategy: UpdateStrategy, answers: number[] = [], platform: NodeJS.Platform = 'win32') {
  const updater = new FakeUpdater();
  const shown: string[] = [];
  const deps = {
    strategy,
    platform,
    currentVersion: '1.0.0',
    loadUpdater: vi.fn(async () => updater as unknown as UpdaterPort),
    show: vi.fn(async (m: { message: string }) => {
      shown.push(m.message);
      return answers.shift() ?? 1;
    }),
    openLink: vi.fn(),
    restartWith: vi.fn((install: () => void) => install()),
    log: silentLog(),
  };
  return { controller: createUpdateController(deps), updater, deps, shown };
}

describe('the update controller', () => {
  it('does nothing in development, and says so from the menu', async () => {
    const { controller, deps, shown } = setup('off');
    await controller.check('startup');
    expect(shown).toEqual([]);
    await controller.check('menu');
    expect(shown).toEqual([UPDATE_TEXT.unavailable().message]);
    expect(deps.loadUpdater).not.toHaveBeenCalled();
  });

  it('downloads in the background and logs through our logger', async () => {
    const { controller, updater, deps } = setup('auto');
    updater.offer('1.1.0');
    await controller.check('startup');
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(deps.show).not.toHaveBeenCalled();
    updater.logger?.info(`GET https://x?key=AIza${'z'.repeat(35)}`);
    expect(deps.log.info).toHaveBeenCalledWith(expect.stringContaining('[updater] GET'));
  });

  it('asks before restarting; Restart installs through the quit guard, Later does not', async () => {
    const { controller, updater, deps, shown } = setup('auto', [1, 0]);
    await controller.check('startup');
    updater.emit('update-downloaded', { version: '1.1.0' });
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]).toBe('Caption Studio 1.1.0 is ready to install. Restart now?');
    expect(deps.restartWith).not.toHaveBeenCalled();
    // Later, then a menu check offers the downloaded update again.
    updater.offer('1.1.0');
    await controller.check('menu');
    expect(deps.restartWith).toHaveBeenCalledOnce();
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('answers a menu check with "up to date" or "downloading"', async () => {
    const { controller, updater, shown } = setup('auto');
    await controller.check('menu');
    updater.offer('2.0.0');
    await controller.check('menu');
    expect(shown).toEqual([UPDATE_TEXT.upToDate('1.0.0').message, UPDATE_TEXT.downloading('2.0.0').message]);
  });

  it('never throws when offline: logs, and only a menu check shows "Could not check for updates"', async () => {
    const { controller, updater, deps, shown } = setup('auto');
    updater.next = async () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    };
    await expect(controller.check('startup')).resolves.toBeUndefined();
    expect(shown).toEqual([]);
    expect(deps.log.warn).toHaveBeenCalledWith('Could not check for updates', expect.any(Error));
    await controller.check('menu');
    expect(shown).toEqual(['Could not check for updates']);
    // An 'error' event (a failed download) has a listener, so it cannot crash the app.
    expect(() => updater.emit('error', new Error('download failed'))).not.toThrow();
  });

  it('a failing updater module counts as a failed check', async () => {
    const { controller, deps, shown } = setup('auto');
    deps.loadUpdater.mockRejectedValueOnce(new Error('no app-update.yml'));
    await controller.check('menu');
    expect(shown).toEqual(['Could not check for updates']);
  });

  it('on unsigned macOS builds only links to the release page, without downloading', async () => {
    const { controller, updater, deps, shown } = setup('notify', [0], 'darwin');
    updater.offer('1.2.0');
    await controller.check('startup');
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(shown).toEqual(['A new version is available']);
    expect(deps.openLink).toHaveBeenCalledWith('https://github.com/captionstudio/caption-studio/releases/tag/v1.2.0');
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('falls back to the release page when Squirrel.Mac rejects the signature', async () => {
    const { controller, updater, shown } = setup('auto', [1], 'darwin');
    updater.offer('1.2.0');
    await controller.check('startup');
    updater.emit('error', new Error('Code signature at URL file:///x did not pass validation'));
    await vi.waitFor(() => expect(shown).toEqual(['A new version is available']));
    expect(updater.autoDownload).toBe(false);
    await controller.check('menu');
    expect(shown).toHaveLength(2);
    expect(shown[1]).toBe('A new version is available');
  });
});
