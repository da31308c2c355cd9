import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ImageFormat } from '../../shared/dataset';

/**
 * Content sniffing: what a file really is, from its first bytes, whatever its extension says. Only formats the
 * importer can use come back as `image`; real image formats it cannot use come back as `unsupported` (so the user
 * hears "convert it" rather than "not an image"), and everything else as `not-image`.
 */

export type Sniffed =
  | { kind: 'image'; format: ImageFormat }
  | { kind: 'unsupported'; name: string }
  | { kind: 'not-image'; what: string | null };

/** Enough for every signature below, including an SVG preceded by a long XML prologue or comment. */
const SNIFF_BYTES = 4096;

export async function readHead(path: string, bytes = SNIFF_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** Camera RAW formats built on TIFF look like TIFF inside; the extension is the only cheap tell. */
const RAW_EXTENSIONS = new Set(
  '3fr arw cr2 crw dcr dng erf iiq kdc mef mos mrw nef nrw orf pef raf rw2 rwl sr2 srf srw x3f'.split(' '),
);

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** ISO base media files (`ftyp` box): HEIC, AVIF, but also videos and Canon CR3 RAW. */
function sniffIsoMedia(b: Uint8Array): Sniffed {
  const boxEnd = Math.min(
    b.length,
    (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0,
  );
  const brands = [ascii(b, 8, 12)];
  for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(b, at, at + 4));
  if (brands.some((x) => AVIF_BRANDS.has(x))) return { kind: 'image', format: 'avif' };
  if (brands.some((x) => HEIC_BRANDS.has(x))) return { kind: 'image', format: 'heic' };
  // Generic HEIF structure brands: the codec (HEVC or AV1) is settled by the header probe.
  if (brands.some((x) => x === 'mif1' || x === 'msf1')) return { kind: 'image', format: 'heic' };
  if (brands[0] === 'crx ') return { kind: 'unsupported', name: 'Camera RAW (Canon CR3)' };
  return { kind: 'not-image', what: 'a video or audio file' };
}

function sniffTiff(b: Uint8Array, fileName: string): Sniffed {
  if (ascii(b, 8, 10) === 'CR') return { kind: 'unsupported', name: 'Camera RAW (Canon CR2)' };
  const ext = extname(fileName).slice(1).toLowerCase();
  if (RAW_EXTENSIONS.has(ext)) return { kind: 'unsupported', name: `Camera RAW (${ext.toUpperCase()})` };
  return { kind: 'image', format: 'tiff' };
}

/** Other real image formats, recognised only to explain that they are not supported. */
function sniffUnsupported(b: Uint8Array): string | null {
  const head = ascii(b, 0, 16);
  const dibHeaderSize = (b[14] ?? 0) | ((b[15] ?? 0) << 8);
  if (head.startsWith('BM') && [12, 40, 52, 56, 64, 108, 124].includes(dibHeaderSize)) return 'BMP';
  if (startsWith(b, [0, 0, 1, 0]) && (b[4] ?? 0) > 0) return 'ICO (icon)';
  if (startsWith(b, [0, 0, 2, 0]) && (b[4] ?? 0) > 0) return 'CUR (cursor)';
  if (head.startsWith('8BPS')) return 'Photoshop (PSD)';
  if (startsWith(b, [0xff, 0x0a]) || startsWith(b, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) return 'JPEG XL';
  if (startsWith(b, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]) || startsWith(b, [0xff, 0x4f, 0xff, 0x51])) {
    return 'JPEG 2000';
  }
  if (startsWith(b, [0x49, 0x49, 0xbc])) return 'JPEG XR';
  if (head.startsWith('FUJIFILMCCD-RAW')) return 'Camera RAW (Fujifilm RAF)';
  if (head.startsWith('IIRO') || head.startsWith('IIRS') || head.startsWith('MMOR')) return 'Camera RAW (Olympus ORF)';
  if (startsWith(b, [0x49, 0x49, 0x55, 0])) return 'Camera RAW (Panasonic RW2)';
  if (head.startsWith('FOVb')) return 'Camera RAW (Sigma X3F)';
  if (startsWith(b, [0, 0x4d, 0x52, 0x4d])) return 'Camera RAW (Minolta MRW)';
  if (ascii(b, 6, 14) === 'HEAPCCDR') return 'Camera RAW (Canon CRW)';
  if (startsWith(b, [0x76, 0x2f, 0x31, 0x01])) return 'OpenEXR';
  if (head.startsWith('#?RADIANCE') || head.startsWith('#?RGBE')) return 'Radiance HDR';
  if (head.startsWith('qoif')) return 'QOI';
  if (head.startsWith('DDS ')) return 'DDS';
  if (head.startsWith('gimp xcf')) return 'GIMP (XCF)';
  if (/^P[1-7]\s/.test(head)) return 'Netpbm (PBM/PGM/PPM)';
  return null;
}

/** Text files: no NUL byte and almost no control characters (UTF-8 multi-byte sequences are all >= 0x80). */
function looksLikeText(b: Uint8Array): boolean {
  let control = 0;
  for (const byte of b) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control <= b.length / 100;
}

export function sniff(head: Uint8Array, fileName: string): Sniffed {
  const b = head;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', format: 'png' };
  const head12 = ascii(b, 0, 12);
  if (head12.startsWith('GIF87a') || head12.startsWith('GIF89a')) return { kind: 'image', format: 'gif' };
  if (head12.startsWith('RIFF') && head12.slice(8) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(head12.slice(0, 4))) return sniffTiff(b, fileName);
  if (ascii(b, 4, 8) === 'ftyp') return sniffIsoMedia(b);
  const unsupported = sniffUnsupported(b);
  if (unsupported) return { kind: 'unsupported', name: unsupported };
  if (head12.startsWith('%PDF')) return { kind: 'not-image', what: 'a PDF document' };
  if (head12.startsWith('PK\x03\x04')) return { kind: 'not-image', what: 'an archive' };
  if (looksLikeText(b)) {
    const text = new TextDecoder().decode(b);
    if (/^\uFEFF?\s*</.test(text) && /<svg[\s>]/i.test(text)) return { kind: 'unsupported', name: 'SVG' };
    return { kind: 'not-image', what: 'a text file' };
  }
  return { kind: 'not-image', what: null };
}
