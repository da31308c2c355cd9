import type { Logger } from '../core/ports';

/**
 * Closing the window or quitting while captions are being written: ask first, then let the backend finish
 * saving (its shutdown stops the run and flushes every caption received so far) before anything closes. Quitting
 * with nothing running still awaits shutdown, so no write is ever cut off.
 */

interface RunControl {
  hasActiveRuns(): boolean;
  shutdown(): Promise<void>;
  /** Asks the page to save what was typed in the last moments and waits (bounded) for it to say so. */
  flushUi(): Promise<void>;
}

export interface QuitGuardOptions {
  backend: RunControl;
  /** Asks the user whether to stop the running captioning; true means stop. */
  confirmStop(): Promise<boolean>;
  quit(): void;
  log: Logger;
  /** A shutdown that hangs must not keep a zombie app alive forever. */
  shutdownLimitMs?: number;
}

interface Preventable {
  preventDefault(): void;
}

/** The window being closed: closed again by the guard once the page has saved its drafts. */
interface Closable {
  close(): void;
}

export interface QuitGuard {
  /**
   * For the window's 'close' event. Stopping a run shuts the backend down, so a confirmed close quits the app
   * (on macOS too, where closing the last window would otherwise leave it running without a backend).
   */
  onWindowClose(event: Preventable, window: Closable): void;
  /** For app's 'before-quit' event. */
  onBeforeQuit(event: Preventable): void;
  /**
   * Quits through the same steps as a user's quit (ask during a run, then save everything) but ends with
   * `action` instead of a plain quit: the update installer's quitAndInstall. Its own quit then passes straight
   * through, because the backend has already shut down.
   */
  quitWith(action: () => void): void;
}

export function createQuitGuard(opts: QuitGuardOptions): QuitGuard {
  const limit = opts.shutdownLimitMs ?? 30_000;
  let shutDown = false;
  let shuttingDown: Promise<void> | null = null;
  let asking = false;
  // Windows whose page is saving its drafts, and those done: a done window's next close goes through.
  const flushing = new WeakSet<Closable>();
  const flushed = new WeakSet<Closable>();

  function shutdown(): Promise<void> {
    shuttingDown ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      const cap = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          opts.log.error(`Shutdown did not finish within ${limit} ms; quitting anyway.`);
          resolve();
        }, limit);
      });
      try {
        await Promise.race([opts.backend.shutdown(), cap]);
      } catch (e) {
        opts.log.error('Shutdown failed', e);
      } finally {
        clearTimeout(timer);
        shutDown = true;
      }
    })();
    return shuttingDown;
  }

  /** True when nothing runs, or the user agreed to stop and the backend has shut down. */
  async function stopRunsIfAgreed(): Promise<boolean> {
    if (!opts.backend.hasActiveRuns()) return true;
    if (asking) return false; // a second close while the question is on screen
    asking = true;
    try {
      if (!(await opts.confirmStop())) return false;
    } finally {
      asking = false;
    }
    await shutdown();
    return true;
  }

  return {
    onWindowClose(event, window) {
      if (shutDown || flushed.has(window)) return;
      event.preventDefault();
      if (opts.backend.hasActiveRuns()) {
        void stopRunsIfAgreed().then((ok) => {
          if (ok) opts.quit();
        });
        return;
      }
      // The page's own beforeunload save would race the window going away (its IPC can arrive from a frame that
      // no longer exists); so the page saves first, then the window really closes.
      if (flushing.has(window)) return;
      flushing.add(window);
      void opts.backend
        .flushUi()
        .catch((e: unknown) => opts.log.error('Could not ask the page to save its captions', e))
        .then(() => {
          flushed.add(window);
          window.close();
        });
    },
    onBeforeQuit(event) {
      if (shutDown) return;
      event.preventDefault();
      void stopRunsIfAgreed().then(async (ok) => {
        if (!ok) return;
        await shutdown();
        opts.quit();
      });
    },
    quitWith(action) {
      void stopRunsIfAgreed().then(async (ok) => {
        if (!ok) return;
        await shutdown();
        action();
      });
    },
  };
}
