import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLog } from '../../tests/support/electron/support';
import { createQuitGuard } from './quit-guard';

function setup(opts: { running?: boolean; confirm?: boolean; shutdown?: () => Promise<void> } = {}) {
  let running = opts.running ?? false;
  const order: string[] = [];
  const backend = {
    hasActiveRuns: () => running,
    shutdown: vi.fn(async () => {
      order.push('shutdown:start');
      await (opts.shutdown?.() ?? Promise.resolve());
      running = false;
      order.push('shutdown:end');
    }),
    flushUi: vi.fn(async () => {
      order.push('flush');
    }),
  };
  const confirmStop = vi.fn(async () => {
    order.push('ask');
    return opts.confirm ?? true;
  });
  const quit = vi.fn(() => order.push('quit'));
  const log = silentLog();
  const guard = createQuitGuard({ backend, confirmStop, quit, log, shutdownLimitMs: 50 });
  const event = () => ({ preventDefault: vi.fn() });
  const win = { close: vi.fn(() => order.push('close')) };
  return { guard, backend, confirmStop, quit, order, event, log, win };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.useRealTimers());

describe('closing the win', () => {
  it('with nothing running: lets the page save its drafts first, then closes without asking', async () => {
    const { guard, event, confirmStop, order, win } = setup();
    const e = event();
    guard.onWindowClose(e, win);
    expect(e.preventDefault).toHaveBeenCalled();
    await settle();
    expect(order).toEqual(['flush', 'close']);
    expect(confirmStop).not.toHaveBeenCalled();
    // The close the guard itself started goes through.
    const again = event();
    guard.onWindowClose(again, win);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('closing again while the page is saving does not ask it twice', async () => {
    const { guard, event, backend, win } = setup();
    guard.onWindowClose(event(), win);
    const second = event();
    guard.onWindowClose(second, win);
    expect(second.preventDefault).toHaveBeenCalled();
    await settle();
    expect(backend.flushUi).toHaveBeenCalledOnce();
    expect(win.close).toHaveBeenCalledOnce();
  });

  it('asks during a run; "keep captioning" keeps everything running', async () => {
    const { guard, event, backend, quit, win } = setup({ running: true, confirm: false });
    const e = event();
    guard.onWindowClose(e, win);
    expect(e.preventDefault).toHaveBeenCalled();
    await settle();
    expect(backend.shutdown).not.toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
  });

  it('asks during a run; "stop" awaits the shutdown before quitting', async () => {
    const { guard, event, order, win } = setup({ running: true, confirm: true });
    guard.onWindowClose(event(), win);
    await settle();
    expect(order).toEqual(['ask', 'shutdown:start', 'shutdown:end', 'quit']);
    // The quit that follows goes through: nothing is prevented any more.
    const later = event();
    guard.onBeforeQuit(later);
    guard.onWindowClose(later, win);
    expect(later.preventDefault).not.toHaveBeenCalled();
  });

  it('asks only once when the user closes again while the question is open', async () => {
    const { guard, event, confirmStop, win } = setup({ running: true, confirm: false });
    guard.onWindowClose(event(), win);
    guard.onWindowClose(event(), win);
    await settle();
    expect(confirmStop).toHaveBeenCalledOnce();
  });
});

describe('quitting', () => {
  it('awaits the backend shutdown even with nothing running', async () => {
    const { guard, event, order, confirmStop } = setup();
    const e = event();
    guard.onBeforeQuit(e);
    expect(e.preventDefault).toHaveBeenCalled();
    await settle();
    expect(confirmStop).not.toHaveBeenCalled();
    expect(order).toEqual(['shutdown:start', 'shutdown:end', 'quit']);
  });

  it('asks first during a run', async () => {
    const { guard, event, order } = setup({ running: true, confirm: true });
    guard.onBeforeQuit(event());
    await settle();
    expect(order).toEqual(['ask', 'shutdown:start', 'shutdown:end', 'quit']);
  });

  it('still quits when the shutdown fails, and logs it', async () => {
    const { guard, event, quit, log } = setup({ shutdown: () => Promise.reject(new Error('disk gone')) });
    guard.onBeforeQuit(event());
    await settle();
    expect(log.error).toHaveBeenCalled();
    expect(quit).toHaveBeenCalledOnce();
  });

  it('does not hang forever on a shutdown that never ends', async () => {
    vi.useFakeTimers();
    const { guard, event, quit, log } = setup({ shutdown: () => new Promise<void>(() => {}) });
    guard.onBeforeQuit(event());
    await vi.advanceTimersByTimeAsync(60);
    expect(log.error).toHaveBeenCalled();
    expect(quit).toHaveBeenCalledOnce();
  });
});
