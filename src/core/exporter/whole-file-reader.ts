import { type FileHandle, open } from 'node:fs/promises';

/** Largest source file read into memory whole; bigger ones are streamed. Exported for tests. */
export const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;

/** Buffers grow in whole megabytes, so a run of slightly different sizes does not reallocate each time. */
const GROWTH_STEP = 1024 * 1024;

/** Reads `size` bytes of `file` into the slot's buffer, growing it if needed; fewer if the file shrank. */
async function fill(slot: Slot, file: FileHandle, size: number): Promise<Buffer> {
  if (slot.buffer.length < size) slot.buffer = Buffer.allocUnsafe(Math.ceil(size / GROWTH_STEP) * GROWTH_STEP);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await file.read(slot.buffer, filled, size - filled, filled);
    if (bytesRead === 0) break; // the file shrank since stat: export what is there
    filled += bytesRead;
  }
  return slot.buffer.subarray(0, filled);
}

/** Buffers in rotation: one being written, one read and waiting its turn, one being read ahead. */
const SLOTS = 3;

interface Slot {
  buffer: Buffer;
  /** Resolves once the bytes last read into `buffer` are no longer needed. */
  free: Promise<void>;
}

/** A file's bytes in a shared buffer, and how to hand the buffer back once they are consumed. */
export interface WholeFile {
  bytes: Buffer;
  release(consumed: Promise<void>): void;
}

/**
 * Reads source files whole into a few buffers used in turn: the next file is read while the previous ones are
 * still being checksummed and written, and no buffer is allocated (and later garbage-collected) per file, which
 * at a thousand photos a gigabyte costs about as much as the copying. Memory is SLOTS buffers the size of the
 * largest file read, at most SLOTS × WHOLE_FILE_LIMIT, whatever the number of files.
 */
export class WholeFileReader {
  private readonly slots: Slot[] = Array.from({ length: SLOTS }, () => ({
    buffer: Buffer.alloc(0),
    free: Promise.resolve(),
  }));
  private turn = 0;

  /**
   * The bytes of the file at `path`, or null when it is bigger than WHOLE_FILE_LIMIT (stream it instead). Reads
   * must be started in the order their bytes are consumed; each waits until its buffer's previous bytes are
   * released. Until `release` is called the buffer stays taken, so call it on every path.
   */
  async read(path: string): Promise<WholeFile | null> {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      if (size > WHOLE_FILE_LIMIT) return null;
      const slot = this.slots[this.turn++ % SLOTS] as Slot;
      const previous = slot.free;
      let release = (_consumed: Promise<void>) => {};
      slot.free = new Promise<void>((resolve) => {
        release = (consumed) => void consumed.then(resolve, resolve);
      });
      try {
        await previous;
        return { bytes: await fill(slot, file, size), release };
      } catch (e) {
        release(Promise.resolve()); // nothing was handed out: the buffer is free again
        throw e;
      }
    } finally {
      await file.close();
    }
  }
}
