import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import type { Patch } from './gps-tiff';

/** Writes the patches into `data`, which holds the bytes from `base` on (patches outside it are left alone). */
export function applyPatches(data: Buffer, patches: ReadonlyArray<Patch>, base = 0): void {
  for (const p of patches) {
    const from = Math.max(p.offset, base);
    const to = Math.min(p.offset + p.bytes.length, base + data.length);
    if (from < to) p.bytes.copy(data, from - base, from - p.offset, to - p.offset);
  }
}

/** A pass-through stream that writes the patches into the bytes flowing through it (a file streamed whole). */
export function patchingStream(patches: ReadonlyArray<Patch>): Transform {
  let base = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      const copy = Buffer.from(chunk); // the reader may reuse its buffer
      applyPatches(copy, patches, base);
      base += chunk.length;
      done(null, copy);
    },
  });
}

/** Writes the patches into a file already copied (same length: nothing else in it moves). */
export async function patchFile(path: string, patches: ReadonlyArray<Patch>): Promise<void> {
  const file = await open(path, 'r+');
  try {
    for (const p of patches) await file.write(p.bytes, 0, p.bytes.length, p.offset);
  } finally {
    await file.close();
  }
}
