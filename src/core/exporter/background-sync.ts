import { open } from 'node:fs/promises';

/** fsyncs waiting on the disk at once. Each holds one of libuv's four threads; one thread stays free for copies. */
const IN_FLIGHT = 3;

/**
 * fsyncs written files in the background, a few at a time, while later files are written. An fsync mostly waits
 * for the disk; run one after each file and the copying stops for every one of them, whereas fsyncs that wait
 * together share the file system's journal commits and overlap the next copies. `then` runs after a file's
 * fsync (the folder writer renames a temp file into place there). A failure surfaces at the next `add` or at
 * `settle`.
 */
export class BackgroundSync {
  private readonly pending = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  /** Starts fsyncing `path` (then `then`), first waiting while IN_FLIGHT fsyncs are running. */
  async add(path: string, then?: () => Promise<void>): Promise<void> {
    while (this.pending.size >= IN_FLIGHT) await Promise.race(this.pending);
    this.throwIfFailed();
    const job: Promise<void> = fsyncFile(path)
      .then(then)
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  /** Waits for every fsync started, then throws the first failure if there was one. */
  async settle(): Promise<void> {
    await this.drain();
    this.throwIfFailed();
  }

  /** Waits for every fsync started, ignoring failures (before cleaning up after one). */
  async drain(): Promise<void> {
    await Promise.all(this.pending);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

async function fsyncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}
