/**
 * Removing the GPS tags from an EXIF block (a TIFF structure: JPEG's APP1 `Exif` payload, PNG's eXIf chunk) as
 * same-length byte patches, so nothing else in the file moves: every other offset in the block stays valid, every
 * other tag keeps its bytes, and the image data is never touched (no re-encoding).
 *
 * What a patch does: the GPSInfo pointer (tag 0x8825) is taken out of IFD0 (and IFD1, where a thumbnail's IFD may
 * carry one): the entries after it move up 12 bytes, the count drops by one and the 12 bytes freed at the end are
 * zeroed. The GPS IFD itself and every value it points to (coordinates, altitude, time, place names...) are
 * overwritten with zeros, so the location is gone from the bytes, not only unreachable.
 */

/** Bytes to write at `offset` (relative to whatever the caller's block starts at). */
export interface Patch {
  offset: number;
  bytes: Buffer;
}

/** The same patches for a block that starts `by` bytes into the file. */
export function shift(patches: Patch[], by: number): Patch[] {
  return patches.map((p) => ({ offset: p.offset + by, bytes: p.bytes }));
}

const GPS_INFO_TAG = 0x8825;
const ENTRY = 12;
/** Byte size of one value of each TIFF field type (1 BYTE ... 13 IFD). */
const TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};

/** The block does not read as TIFF where it matters: the caller blanks it whole rather than leave GPS behind. */
export class MalformedExif extends Error {
  override name = 'MalformedExif';
}

/**
 * The patches that remove GPS from `tiff` (offsets relative to its start); empty when it has no GPS tags.
 * Throws MalformedExif when a GPS pointer exists but its structure runs outside the block.
 */
export function gpsPatchesInTiff(tiff: Buffer): Patch[] {
  const order = tiff.toString('latin1', 0, 2);
  if (tiff.length < 8 || (order !== 'II' && order !== 'MM')) throw new MalformedExif('not a TIFF header');
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const inside = (at: number, length: number) => at >= 8 && at + length <= tiff.length;
  if (u16(2) !== 42) throw new MalformedExif('not a TIFF header');

  const patches: Patch[] = [];
  let ifd = u32(4);
  // IFD0 and IFD1 only: the chain is two long in EXIF, and a loop in a broken file must not spin.
  for (let n = 0; n < 2 && ifd !== 0; n++) {
    if (!inside(ifd, 2)) throw new MalformedExif('IFD outside the block');
    const count = u16(ifd);
    const size = 2 + count * ENTRY + 4;
    if (!inside(ifd, size)) throw new MalformedExif('IFD runs outside the block');
    const next = u32(ifd + 2 + count * ENTRY);
    const kept: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * ENTRY;
      if (u16(entry) !== GPS_INFO_TAG) {
        kept.push(tiff.subarray(entry, entry + ENTRY));
        continue;
      }
      patches.push(...blankGpsIfd(u32(entry + 8)));
    }
    if (kept.length < count)
      patches.push({ offset: ifd, bytes: rewrittenIfd(kept, tiff.subarray(ifd + size - 4, ifd + size), size) });
    ifd = next;
  }
  return patches;

  function rewrittenIfd(entries: Buffer[], nextPointer: Buffer, size: number): Buffer {
    const out = Buffer.alloc(size); // the freed tail stays zero
    if (le) out.writeUInt16LE(entries.length, 0);
    else out.writeUInt16BE(entries.length, 0);
    for (const [i, e] of entries.entries()) e.copy(out, 2 + i * ENTRY);
    nextPointer.copy(out, 2 + entries.length * ENTRY);
    return out;
  }

  function blankGpsIfd(at: number): Patch[] {
    // A pointer to nowhere leaves nothing to blank: taking it out of IFD0 is all there is to do.
    if (at === 0) return [];
    if (!inside(at, 2)) throw new MalformedExif('GPS IFD outside the block');
    const count = u16(at);
    const size = 2 + count * ENTRY + 4;
    if (!inside(at, size)) throw new MalformedExif('GPS IFD runs outside the block');
    const out: Patch[] = [{ offset: at, bytes: Buffer.alloc(size) }];
    for (let i = 0; i < count; i++) {
      const entry = at + 2 + i * ENTRY;
      const bytes = (TYPE_SIZE[u16(entry + 2)] ?? 1) * u32(entry + 4);
      if (bytes <= 4) continue; // the value sits in the entry, blanked with it
      const value = u32(entry + 8);
      if (!inside(value, bytes)) throw new MalformedExif('GPS value outside the block');
      out.push({ offset: value, bytes: Buffer.alloc(bytes) });
    }
    return out;
  }
}
