import { open } from 'node:fs/promises';

/** Largest source file read into memory whole; bigger ones are streamed. Exported for tests. */
export const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;

/** Buffers grow in whole megabytes, so a run of slightly different sizes does not reallocate each time. */
const GROWTH_STEP = 1024 * 1024;

interface Slot {
  buffer: Buffer;
  /** Resolves once the bytes last read into `buffer` are no longer needed. */
  free: Promise<void>;
}

/**
 * Reads source files whole into two buffers used in turn: the next file is read while the previous one is still
 * being written, and no buffer is allocated (and later garbage-collected) per file, which at a thousand photos a
 * gigabyte costs more than the copying itself. Memory is two buffers the size of the largest file read, at most
 * 2 × WHOLE_FILE_LIMIT, whatever the number of files.
 */
export class WholeFileReader {
  private readonly slots: Slot[] = [emptySlot(), emptySlot()];
  private turn = 0;
  private last: Slot | null = null;

  /**
   * The bytes of the file at `path`, or null when it is bigger than WHOLE_FILE_LIMIT (stream it instead). The
   * bytes live in a shared buffer: pass `releaseWhen` the moment they have been consumed, before the next read
   * but one.
   */
  async read(path: string): Promise<Buffer | null> {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      if (size > WHOLE_FILE_LIMIT) return null;
      const slot = this.slots[this.turn % this.slots.length] as Slot;
      await slot.free;
      if (slot.buffer.length < size) slot.buffer = Buffer.allocUnsafe(Math.ceil(size / GROWTH_STEP) * GROWTH_STEP);
      let filled = 0;
      while (filled < size) {
        const { bytesRead } = await file.read(slot.buffer, filled, size - filled, filled);
        if (bytesRead === 0) break; // the file shrank since stat: export what is there
        filled += bytesRead;
      }
      this.turn++;
      this.last = slot;
      return slot.buffer.subarray(0, filled);
    } finally {
      await file.close();
    }
  }

  /** Marks the buffer returned by the last read as reusable once `consumed` resolves (or rejects). */
  releaseWhen(consumed: Promise<void>): void {
    if (this.last) this.last.free = consumed.catch(() => {});
  }
}

function emptySlot(): Slot {
  return { buffer: Buffer.alloc(0), free: Promise.resolve() };
}
