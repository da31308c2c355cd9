import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuitGuard } from '../../../src/main/quit-guard';
import { silentLog } from './support';

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
  };
  const confirmStop = vi.fn(async () => {
    order.push('ask');
    return opts.confirm ?? true;
  });
  const quit = vi.fn(() => order.push('quit'));
  const log = silentLog();
  const guard = createQuitGuard({ backend, confirmStop, quit, log, shutdownLimitMs: 50 });
  const event = () => ({ preventDefault: vi.fn() });
  return { guard, backend, confirmStop, quit, order, event, log };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.useRealTimers());

describe('closing the window', () => {
  it('closes at once when nothing is running', () => {
    const { guard, event, confirmStop } = setup();
    const e = event();
    guard.onWindowClose(e);
    expect(e.preventDefault).not.toHaveBeenCalled();
    expect(confirmStop).not.toHaveBeenCalled();
  });

  it('asks during a run; "keep captioning" keeps everything running', async () => {
    const { guard, event, backend, quit } = setup({ running: true, confirm: false });
    const e = event();
    guard.onWindowClose(e);
    expect(e.preventDefault).toHaveBeenCalled();
    await settle();
    expect(backend.shutdown).not.toHaveBeenCalled();
    expect(quit).not.toHaveBeenCalled();
  });

  it('asks during a run; "stop" awaits the shutdown before quitting', async () => {
    const { guard, event, order } = setup({ running: true, confirm: true });
    guard.onWindowClose(event());
    await settle();
    expect(order).toEqual(['ask', 'shutdown:start', 'shutdown:end', 'quit']);
    // The quit that follows goes through: nothing is prevented any more.
    const later = event();
    guard.onBeforeQuit(later);
    guard.onWindowClose(later);
    expect(later.preventDefault).not.toHaveBeenCalled();
  });

  it('asks only once when the user closes again while the question is open', async () => {
    const { guard, event, confirmStop } = setup({ running: true, confirm: false });
    guard.onWindowClose(event());
    guard.onWindowClose(event());
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
