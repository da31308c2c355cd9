import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, clipboard, dialog, resetElectronMock } from '../../tests/support/electron/electron-mock';
import { silentLog } from '../../tests/support/electron/support';
import {
  CRASH_BUTTONS,
  CRASH_TITLE,
  type CrashChoice,
  crashDetails,
  createCrashHandler,
  installCrashHandlers,
} from './crash';

const KEY = `AIza${'c'.repeat(35)}`;

function setup(answers: CrashChoice[] = ['continue']) {
  let clock = 0;
  const ports = {
    log: silentLog(),
    ask: vi.fn(async (_message: string) => answers.shift() ?? 'continue'),
    copy: vi.fn(),
    quit: vi.fn(),
    now: () => clock,
    environment: 'Caption Studio 1.2.3 (test)',
  };
  const handle = createCrashHandler(ports, { minIntervalMs: 1000, maxDialogs: 2 });
  return { ports, handle, advance: (ms: number) => (clock += ms) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the crash handler', () => {
  it('logs the error and shows the redacted message', async () => {
    const { ports, handle } = setup();
    handle('uncaughtException', new Error(`bad key ${KEY}`));
    await settle();
    expect(ports.log.error).toHaveBeenCalledWith('Uncaught exception', expect.any(Error));
    expect(ports.ask).toHaveBeenCalledWith('bad key [API key]');
    expect(ports.quit).not.toHaveBeenCalled();
  });

  it('"Copy details" copies redacted details, then asks again; "Quit" quits', async () => {
    const { ports, handle } = setup(['copy', 'quit']);
    handle('unhandledRejection', new Error(`key ${KEY}`));
    await settle();
    expect(ports.copy).toHaveBeenCalledOnce();
    const copied = ports.copy.mock.calls[0]?.[0] as string;
    expect(copied).toContain('Caption Studio 1.2.3 (test)');
    expect(copied).toContain('unhandledRejection: Error: key [API key]');
    expect(copied).not.toContain(KEY);
    expect(ports.ask).toHaveBeenCalledTimes(2);
    expect(ports.quit).toHaveBeenCalledOnce();
  });

  it('shows one dialog at a time, spaced out and capped; every error is still logged', async () => {
    const { ports, handle, advance } = setup(['continue', 'continue', 'continue']);
    handle('uncaughtException', new Error('one'));
    handle('uncaughtException', new Error('two (while the first is open)'));
    await settle();
    expect(ports.ask).toHaveBeenCalledTimes(1);
    handle('uncaughtException', new Error('three (too soon)'));
    await settle();
    expect(ports.ask).toHaveBeenCalledTimes(1);
    advance(1000);
    handle('uncaughtException', new Error('four'));
    await settle();
    expect(ports.ask).toHaveBeenCalledTimes(2);
    advance(5000);
    handle('uncaughtException', new Error('five (over the cap)'));
    await settle();
    expect(ports.ask).toHaveBeenCalledTimes(2);
    expect(ports.log.error).toHaveBeenCalledTimes(5);
  });

  it('describes non-Error values too', () => {
    expect(crashDetails('unhandledRejection', { code: 7 }, 'env')).toBe('env\nunhandledRejection: {"code":7}');
    expect(crashDetails('unhandledRejection', 'plain', 'env')).toBe('env\nunhandledRejection: plain');
  });
});

describe('installCrashHandlers', () => {
  const before = {
    exception: process.listeners('uncaughtException'),
    rejection: process.listeners('unhandledRejection'),
  };
  beforeEach(() => resetElectronMock());
  afterEach(() => {
    for (const l of process.listeners('uncaughtException'))
      if (!before.exception.includes(l)) process.off('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection'))
      if (!before.rejection.includes(l)) process.off('unhandledRejection', l);
  });

  function lastListener(event: 'uncaughtException' | 'unhandledRejection') {
    const all =
      event === 'uncaughtException' ? process.listeners('uncaughtException') : process.listeners('unhandledRejection');
    return all.at(-1) as (e: unknown) => void;
  }

  it('shows the Electron dialog with the three buttons and copies to the clipboard', async () => {
    installCrashHandlers(silentLog());
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 }).mockResolvedValueOnce({ response: 1 });
    lastListener('uncaughtException')(new Error('boom'));
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(dialog.showMessageBox.mock.calls[0]?.[0]).toMatchObject({
      title: CRASH_TITLE,
      buttons: [...CRASH_BUTTONS],
      detail: expect.stringContaining('boom'),
    });
    expect(clipboard.writeText).toHaveBeenCalledWith(expect.stringContaining('uncaughtException: Error: boom'));
  });

  it('uses the plain error box before the app is ready', async () => {
    app.ready = false;
    installCrashHandlers(silentLog());
    lastListener('unhandledRejection')(new Error('early'));
    await settle();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(CRASH_TITLE, 'early');
    expect(app.quit).not.toHaveBeenCalled();
  });
});
