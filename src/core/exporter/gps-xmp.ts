import type { Patch } from './gps-tiff';

/**
 * GPS in an XMP packet (Lightroom, Photoshop and phone editors write `exif:GPSLatitude` and friends there too), as
 * same-length patches: each GPS property, in attribute form (`exif:GPSLatitude="51,30.5N"`) or element form
 * (`<exif:GPSLatitude>51,30.5N</exif:GPSLatitude>`), is overwritten with spaces. Whitespace is allowed wherever
 * those stood, so the packet stays well-formed XML and every other property keeps its bytes.
 */
const ATTRIBUTE = /(\s)[\w.-]+:GPS\w*\s*=\s*(?:"[^"]*"|'[^']*')/g;
const ELEMENT = /<([\w.-]+:GPS\w*)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\s*>)/g;

/** Patches (offsets relative to `packet`) that blank every GPS property; empty when there is none. */
export function gpsPatchesInXmp(packet: Buffer): Patch[] {
  // latin1 maps each byte to one character, so string indexes are byte offsets whatever the packet's encoding.
  const text = packet.toString('latin1');
  const patches: Patch[] = [];
  for (const m of text.matchAll(ATTRIBUTE)) {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    patches.push({ offset: start, bytes: Buffer.alloc(m[0].length - (m[1]?.length ?? 0), 0x20) });
  }
  for (const m of text.matchAll(ELEMENT)) {
    patches.push({ offset: m.index ?? 0, bytes: Buffer.alloc(m[0].length, 0x20) });
  }
  return patches;
}
