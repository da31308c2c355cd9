import type { FileHandle } from 'node:fs/promises';

/** Random reads from an image: a whole file already in memory, or an open file read where needed. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes at `offset` (fewer at the end of the data). */
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferSource(data: Buffer): ByteSource {
  return { size: data.length, read: async (offset, length) => data.subarray(offset, offset + length) };
}

/** Bytes read from disk at a time: a JPEG's or PNG's metadata usually sits in its first block, read once. */
const BLOCK = 64 * 1024;

/**
 * An open file read in blocks: a read inside the last block read is served from memory, so walking a header's
 * small segments costs one or two reads instead of one per segment.
 */
export async function fileSource(file: FileHandle): Promise<ByteSource> {
  const { size } = await file.stat();
  let block = { at: 0, bytes: Buffer.alloc(0) };
  return {
    size,
    async read(offset, length) {
      const end = Math.min(offset + length, size);
      if (offset >= block.at && end <= block.at + block.bytes.length) {
        return block.bytes.subarray(offset - block.at, end - block.at);
      }
      const buffer = Buffer.alloc(Math.max(0, Math.min(Math.max(length, BLOCK), size - offset)));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
      block = { at: offset, bytes: buffer.subarray(0, bytesRead) };
      return block.bytes.subarray(0, Math.max(0, end - offset));
    },
  };
}
