import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniff } from './sniff';

const FIXTURES = '/work/shared/fixtures/dropped-folder';
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''));
};

describe('sniff: formats we import, recognised by content', () => {
  const tiny = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } });

  it.each([
    ['jpeg', () => tiny().jpeg().toBuffer()],
    ['png', () => tiny().png().toBuffer()],
    ['webp', () => tiny().webp().toBuffer()],
    ['gif', () => tiny().gif().toBuffer()],
    ['tiff', () => tiny().tiff().toBuffer()],
    ['avif', () => tiny().avif().toBuffer()],
  ] as const)('%s encoded by sharp', async (format, encode) => {
    expect(sniff(await encode(), 'whatever.bin')).toEqual({ kind: 'image', format });
  });

  it('ignores the extension: a JPEG named .png is a JPEG, text named .png is not an image', async () => {
    const jpeg = await readFile(`${FIXTURES}/IMG_0001.JPG`);
    expect(sniff(jpeg, 'photo.png')).toEqual({ kind: 'image', format: 'jpeg' });
    const text = await readFile(`${FIXTURES}/studio/not-really.png`);
    expect(sniff(text, 'not-really.png')).toEqual({ kind: 'not-image', what: 'a text file' });
  });

  it('recognises the iPhone HEIC fixture and HEIF brands', async () => {
    expect(sniff(await readFile(`${FIXTURES}/studio/iphone.heic`), 'x')).toEqual({ kind: 'image', format: 'heic' });
    expect(sniff(ftyp('heic', 'mif1', 'heic'), 'x')).toEqual({ kind: 'image', format: 'heic' });
    expect(sniff(ftyp('mif1', 'mif1', 'avif'), 'x')).toEqual({ kind: 'image', format: 'avif' });
    expect(sniff(ftyp('mif1', 'mif1', 'miaf'), 'x')).toEqual({ kind: 'image', format: 'heic' });
  });
});

describe('sniff: real image formats we cannot use', () => {
  const bmp = bytes('BM', [0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0]);
  it.each([
    ['BMP', bmp, 'a.bmp'],
    ['ICO (icon)', bytes([0, 0, 1, 0, 1, 0, 16, 16]), 'favicon.ico'],
    ['Photoshop (PSD)', bytes('8BPS', [0, 1]), 'a.psd'],
    ['JPEG XL', bytes([0xff, 0x0a, 0xfa]), 'a.jxl'],
    ['JPEG XL', bytes([0, 0, 0, 0x0c], 'JXL ', [0x0d, 0x0a, 0x87, 0x0a]), 'a.jxl'],
    ['JPEG 2000', bytes([0, 0, 0, 0x0c], 'jP  ', [0x0d, 0x0a, 0x87, 0x0a]), 'a.jp2'],
    ['SVG', bytes('<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg">'), 'a.svg'],
    ['SVG', bytes([0xef, 0xbb, 0xbf], '<svg width="10">'), 'logo.png'],
    ['Camera RAW (Canon CR2)', bytes('II*\0', [8, 0, 0, 0], 'CR', [2, 0]), 'a.cr2'],
    ['Camera RAW (NEF)', bytes('MM\0*', [0, 0, 0, 8]), 'DSC_0001.NEF'],
    ['Camera RAW (DNG)', bytes('II*\0', [8, 0, 0, 0]), 'photo.dng'],
    ['Camera RAW (Fujifilm RAF)', bytes('FUJIFILMCCD-RAW 0201'), 'a.raf'],
    ['Camera RAW (Canon CR3)', ftyp('crx ', 'crx ', 'isom'), 'a.cr3'],
  ])('%s', (name, head, fileName) => {
    expect(sniff(head, fileName)).toEqual({ kind: 'unsupported', name });
  });
});

describe('sniff: not images', () => {
  it.each([
    ['a text file', bytes('shot list for the studio day\n')],
    ['a text file', bytes('<html><body>hello</body></html>')],
    ['a PDF document', bytes('%PDF-1.7\n%\xe2\xe3')],
    ['an archive', bytes('PK\x03\x04\x14\0')],
    ['a video or audio file', ftyp('isom', 'isom', 'mp41')],
    [null, bytes([0, 1, 2, 3, 0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0])],
  ])('%s', (what, head) => {
    expect(sniff(head, 'x.jpg')).toEqual({ kind: 'not-image', what });
  });

  it('does not mistake text starting with BM for a bitmap', () => {
    expect(sniff(bytes('BMW service history, 2024\n'), 'x.bmp')).toEqual({ kind: 'not-image', what: 'a text file' });
  });
});
