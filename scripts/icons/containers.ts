/**
 * The two icon container formats electron-builder wants, written from PNG buffers. Both are tiny: a header and a
 * directory of PNG payloads (Windows Vista+ and macOS 10.7+ read PNG-compressed entries), so no package is needed.
 */

/** One square PNG rendering of the icon. */
export interface IconImage {
  readonly size: number;
  readonly png: Buffer;
}

const ICO_HEADER = 6;
const ICO_ENTRY = 16;

/** A Windows .ico: ICONDIR header, one 16-byte ICONDIRENTRY per image, then the PNGs. Sizes up to 256. */
export function encodeIco(images: readonly IconImage[]): Buffer {
  const header = Buffer.alloc(ICO_HEADER);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = ICO_HEADER + ICO_ENTRY * images.length;
  const entries = images.map(({ size, png }) => {
    if (size < 1 || size > 256) throw new Error(`ICO images are 1..256 px, got ${size}`);
    const entry = Buffer.alloc(ICO_ENTRY);
    entry.writeUInt8(size === 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/**
 * ICNS element types that hold PNG data, by pixel size. Retina types (ic11..ic14, ic10) reuse the next size up;
 * 16 and 32 px have no plain PNG type that every macOS reads, so they appear only as their @2x variants' 1x.
 */
export const ICNS_TYPES: ReadonlyArray<{ readonly type: string; readonly size: number }> = [
  { type: 'ic11', size: 32 }, // 16@2x
  { type: 'ic12', size: 64 }, // 32@2x
  { type: 'ic07', size: 128 },
  { type: 'ic13', size: 256 }, // 128@2x
  { type: 'ic08', size: 256 },
  { type: 'ic14', size: 512 }, // 256@2x
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 }, // 512@2x
];

/** A macOS .icns: 'icns' + total length, then (type, length incl. 8-byte header, PNG) per element, big-endian. */
export function encodeIcns(images: readonly IconImage[]): Buffer {
  const bySize = new Map(images.map((i) => [i.size, i.png]));
  const elements = ICNS_TYPES.map(({ type, size }) => {
    const png = bySize.get(size);
    if (!png) throw new Error(`ICNS needs a ${size} px PNG for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}
