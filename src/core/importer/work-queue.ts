/**
 * A queue filled by one producer (the folder walk) and drained by a fixed number of workers. The walk runs ahead
 * freely (entries are a few hundred bytes each), so the final file count is known early for progress, while the
 * expensive part (decoding) never has more than `workers` files in flight.
 */
export class WorkQueue<T> {
  private readonly items: T[] = [];
  private next = 0;
  private closed = false;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.items.length;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  push(item: T): void {
    this.items.push(item);
    this.waiters.shift()?.();
  }

  /** No more items will come: idle workers finish. */
  close(): void {
    this.closed = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The next item, or undefined once the queue is closed and empty. */
  async take(): Promise<T | undefined> {
    while (this.next >= this.items.length) {
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    const item = this.items[this.next] as T;
    // Release taken entries so a long walk's queue does not keep every path alive.
    this.items[this.next++] = undefined as T;
    return item;
  }
}

/** Runs `count` copies of `worker` until they all return; the first failure aborts `stop` and rejects. */
export async function runWorkers(count: number, stop: AbortController, worker: () => Promise<void>): Promise<void> {
  const guarded = async () => {
    try {
      await worker();
    } catch (err) {
      stop.abort(err);
      throw err;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, count) }, guarded));
}

/** Settles like `work`, or rejects with the signal's reason as soon as it aborts (in-flight work is abandoned). */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  work.catch(() => {}); // a rejection after we gave up on it is not "unhandled"
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
