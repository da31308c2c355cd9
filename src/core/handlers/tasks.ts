import { AppError } from '../../shared/errors';

/** Imports and exports in progress, so shutdown can stop them (each leaves nothing half-written when aborted). */
export interface TaskTracker {
  /** Runs `work` with a signal that shutdown aborts; refused once shutdown has begun. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  readonly closing: boolean;
  /** Refuses new work, aborts what is running and waits for it to settle. */
  close(): Promise<void>;
}

export const closingError = () => new AppError('cancelled', 'Caption Studio is closing.');

export function createTaskTracker(): TaskTracker {
  const running = new Set<{ controller: AbortController; settled: Promise<void> }>();
  let closing = false;
  return {
    async run(work) {
      if (closing) throw closingError();
      const controller = new AbortController();
      const result = work(controller.signal);
      const entry = { controller, settled: result.then(noop, noop) };
      running.add(entry);
      void entry.settled.then(() => running.delete(entry));
      return result;
    },
    get closing() {
      return closing;
    },
    async close() {
      closing = true;
      const all = [...running];
      for (const task of all) task.controller.abort();
      await Promise.all(all.map((t) => t.settled));
    },
  };
}

function noop(): void {}
