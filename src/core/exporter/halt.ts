import { cancelledError } from './export-errors';

/**
 * What stops a running ZIP export: the user's cancel (`signal`) or a failed write (`stop`). `guard(p)` is `p`,
 * rejected with the reason as soon as the export stops, so nothing waits on a stream that no longer drains.
 * Racing every step against one long-pending "stopped" promise would do the same but leak: each race leaves a
 * reaction on that promise, holding its step's closure until the export ends (tens of thousands at 5 GB). A
 * guard's listener goes away as soon as its step settles.
 */
export class Halt {
  private readonly controller = new AbortController();
  private readonly onCancel = () => this.stop(cancelledError());

  constructor(private readonly signal: AbortSignal | undefined) {
    if (signal?.aborted) this.onCancel();
    else signal?.addEventListener('abort', this.onCancel, { once: true });
  }

  /** Stops the export with `reason` (the first reason wins). */
  stop(reason: unknown): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  guard<T>(p: Promise<T>): Promise<T> {
    const halted = this.controller.signal;
    if (halted.aborted) return Promise.reject(halted.reason);
    return new Promise<T>((resolve, reject) => {
      const onHalt = () => reject(halted.reason);
      halted.addEventListener('abort', onHalt, { once: true });
      p.then(resolve, reject).finally(() => halted.removeEventListener('abort', onHalt));
    });
  }

  /** Stops listening to the user's signal (call when the export is over). */
  dispose(): void {
    this.signal?.removeEventListener('abort', this.onCancel);
  }
}
