import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  dialog,
  FakeBrowserWindow,
  protocol,
  resetElectronMock,
} from '../../tests/support/electron/electron-mock';
import { startInMode } from './mode';

/**
 * The entry's mode switch with Electron mocked: `--self-test` runs the real checks (real sharp, keychain binding,
 * HEIC worker, the repository's sample images, a temp data folder), opens no window, takes no lock and hands its
 * exit code to app.exit; any other launch starts the app as before.
 */

const REPO = resolve(import.meta.dirname, '../..');
const ELECTRON_ARGV = ['/path/to/electron', REPO];

let scratch = '';
let printed = '';
let listeners: { uncaught: number; rejection: number };

beforeEach(async () => {
  resetElectronMock();
  scratch = await mkdtemp(join(tmpdir(), 'caption-studio-mode-'));
  vi.stubEnv('CAPTION_STUDIO_DATA_DIR', join(scratch, 'data'));
  printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, done?: () => void) => {
    printed += chunk;
    done?.();
    return true;
  }) as typeof process.stdout.write);
  listeners = {
    uncaught: process.listenerCount('uncaughtException'),
    rejection: process.listenerCount('unhandledRejection'),
  };
});

afterEach(async () => {
  // Both modes install process-wide error handlers; keep the test runner's own.
  for (const extra of process.listeners('uncaughtException').slice(listeners.uncaught)) {
    process.off('uncaughtException', extra);
  }
  for (const extra of process.listeners('unhandledRejection').slice(listeners.rejection)) {
    process.off('unhandledRejection', extra);
  }
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await rm(scratch, { recursive: true, force: true });
});

/** Starts in the mode `argv` asks for and resolves with the code passed to app.exit. */
async function exitCodeOf(argv: string[]): Promise<unknown> {
  const exited = new Promise((resolve) => app.exit.mockImplementation(resolve));
  await startInMode(argv);
  return exited;
}

describe('--self-test', () => {
  it('checks the installation without a window or the single-instance lock, prints the report, exits 0', async () => {
    app.appPath = REPO;
    expect(await exitCodeOf([...ELECTRON_ARGV, '--self-test'])).toBe(0);

    expect(printed).toMatch(/^Caption Studio 0\.0\.0-test self-test \(\w+ \w+, not packaged\)\n/);
    expect(printed).toMatch(/\nok {4}electron {2,}ready: Electron /);
    expect(printed).toMatch(/\nok {4}decode heic /);
    expect(printed).toMatch(/All \d+ checks passed\.\n$/);
    expect(FakeBrowserWindow.instances).toEqual([]);
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(existsSync(join(scratch, 'data', 'datasets'))).toBe(true);
  });

  it('keeps Chromium’s storage away from the profile of an app that may be running, and removes it after', async () => {
    app.appPath = REPO;
    await exitCodeOf([...ELECTRON_ARGV, '--self-test']);
    const sessionData = app.setPath.mock.calls.find(([name]) => name === 'sessionData')?.[1] as string;
    expect(sessionData.startsWith(join(tmpdir(), 'caption-studio-self-test-'))).toBe(true);
    expect(existsSync(sessionData)).toBe(false);
  });

  it('looks for the sample images beside app.asar once packaged, and exits 1 when they are not there', async () => {
    app.isPackaged = true;
    Object.defineProperty(process, 'resourcesPath', { value: join(scratch, 'resources'), configurable: true });
    try {
      expect(await exitCodeOf(['/opt/Caption Studio/caption-studio', '--self-test'])).toBe(1);
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath');
    }
    expect(printed).toMatch(/^Caption Studio 0\.0\.0-test self-test \(\w+ \w+\)\n/);
    expect(printed).toContain(`FAIL  decode jpeg`);
    expect(printed).toContain(join(scratch, 'resources', 'self-test', 'sample.jpg'));
    expect(printed).toMatch(/ok {4}sharp \+ libvips /);
    expect(FakeBrowserWindow.instances).toEqual([]);
  });
});

describe('without --self-test', () => {
  it('starts the app: scheme and single-instance lock before ready, no exit', async () => {
    // `ready` never comes here, so the test stops before any window or backend is made.
    app.whenReady.mockReturnValue(new Promise(() => {}));
    await startInMode(ELECTRON_ARGV);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.whenReady).toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
    expect(printed).toBe('');
  });

  it('quits at once when another instance holds the lock', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    await startInMode(ELECTRON_ARGV);
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
  });
});

describe('a damaged installation', () => {
  it('exits 1 with a message, and no dialog, when the self-test cannot even start', async () => {
    vi.stubEnv('CAPTION_STUDIO_DATA_DIR', '');
    app.paths = {}; // no userData path: resolving the data folder throws before any check runs
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await exitCodeOf([...ELECTRON_ARGV, '--self-test'])).toBe(1);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('could not run its self-test'));
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('says what to run in a dialog and exits 1 when a part of the app cannot load', async () => {
    // The one thing faked here: a bundle chunk that cannot load, which no healthy checkout has.
    vi.resetModules();
    vi.doMock('./launch', () => {
      throw new Error('Cannot find module ./chunks/launch.js');
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { startInMode: start } = await import('./mode');
    await start(ELECTRON_ARGV);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('Caption Studio could not load:'));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Caption Studio could not start',
      expect.stringContaining('Start it with --self-test'),
    );
    expect(app.exit).toHaveBeenCalledWith(1);
    vi.doUnmock('./launch');
  });
});
