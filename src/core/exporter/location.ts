import { open } from 'node:fs/promises';
import { type ByteSource, bufferSource, fileSource } from './byte-source';
import { gpsPatchesInJpeg } from './gps-jpeg';
import { gpsPatchesInPng } from './gps-png';
import type { Patch } from './gps-tiff';
import type { ExportItem } from './types';

export type { Patch } from './gps-tiff';

/**
 * The GPS patches for an image copied byte for byte: none when the user keeps the location. Only JPEG and PNG are
 * ever copied (every other format is re-encoded, and a re-encode carries no metadata unless the location is kept).
 * `bytes`: the whole file when the caller has read it already, else only its header is read from disk.
 */
export async function locationPatches(item: ExportItem, bytes?: Buffer): Promise<Patch[]> {
  if (!item.stripLocation || item.mode !== 'copy') return [];
  if (bytes) return patchesIn(bufferSource(bytes), item);
  const file = await open(item.image.source, 'r');
  try {
    return await patchesIn(await fileSource(file), item);
  } finally {
    await file.close();
  }
}

function patchesIn(source: ByteSource, item: ExportItem): Promise<Patch[]> {
  if (item.image.format === 'jpeg') return gpsPatchesInJpeg(source);
  if (item.image.format === 'png') return gpsPatchesInPng(source);
  return Promise.resolve([]);
}
