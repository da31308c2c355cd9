import { describe, expect, it } from 'vitest';
import { cleanCaption, decodeCaptionBytes, findSidecar, isTextFileName, stemKey, stemOf } from './sidecar';

describe('cleanCaption', () => {
  it('strips a UTF-8 BOM and trims', () => {
    expect(cleanCaption('\uFEFF  photo of TOK a cat  \n')).toBe('photo of TOK a cat');
  });

  it('folds CRLF, CR and LF line breaks (and blank lines) into single spaces', () => {
    expect(cleanCaption('photo of TOK a cat\r\nlying on wood\r\n\r\n  soft light\rwarm\nend')).toBe(
      'photo of TOK a cat lying on wood soft light warm end',
    );
  });

  it('returns null for empty or whitespace-only text', () => {
    expect(cleanCaption('')).toBeNull();
    expect(cleanCaption('\uFEFF \r\n\t\n')).toBeNull();
  });

  it('keeps Unicode text intact', () => {
    expect(cleanCaption('photo of TOK café über 東京 ✨')).toBe('photo of TOK café über 東京 ✨');
  });
});

describe('decodeCaptionBytes', () => {
  it('decodes UTF-8 with and without BOM', () => {
    const utf8 = new TextEncoder().encode('photo of TOK ✨');
    expect(decodeCaptionBytes(utf8)).toBe('photo of TOK ✨');
    expect(cleanCaption(decodeCaptionBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])))).toBe('photo of TOK ✨');
  });

  it('decodes UTF-16 files as Windows Notepad saves them', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('photo of TOK\r\nx', 'utf16le')]);
    expect(cleanCaption(decodeCaptionBytes(le))).toBe('photo of TOK x');
    const be = Buffer.from('photo', 'utf16le').swap16();
    expect(decodeCaptionBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('photo');
  });
});

describe('sidecar matching', () => {
  it('takes the stem as the name without its last extension', () => {
    expect(stemOf('rocket launch.jpg')).toBe('rocket launch');
    expect(stemOf('archive.tar.gz')).toBe('archive.tar');
    expect(stemOf('README')).toBe('README');
    expect(isTextFileName('IMG_0002.TXT')).toBe(true);
    expect(isTextFileName('IMG_0002.jpeg')).toBe(false);
  });

  it('finds name.txt beside name.jpeg, in the same folder only', () => {
    const siblings = ['IMG_0001.jpg', 'IMG_0002.jpeg', 'IMG_0002.txt', 'notes.txt'];
    expect(findSidecar('/d', 'IMG_0002.jpeg', siblings)).toBe('/d/IMG_0002.txt');
    expect(findSidecar('/d', 'IMG_0001.jpg', siblings)).toBeNull();
    expect(findSidecar('/d', 'IMG_0002.jpeg', ['IMG_0002.jpeg', 'img_0002.txt'])).toBeNull();
  });

  it('keys an image and its caption file by folder and stem', () => {
    expect(stemKey('/d', 'IMG_0002.jpeg')).toBe(stemKey('/d', 'IMG_0002.txt'));
    expect(stemKey('/d', 'IMG_0002.jpeg')).not.toBe(stemKey('/e', 'IMG_0002.txt'));
  });
});
