import { describe, expect, it } from 'vitest';
import { isJunkDroppedFile, isJunkEntry } from './junk';

describe('isJunkEntry (entries found while walking a folder)', () => {
  it.each([
    '.DS_Store',
    '._IMG_0001.JPG',
    'Thumbs.db',
    'THUMBS.DB',
    'desktop.ini',
    'Desktop.ini',
    'ehthumbs.db',
    'Icon\r',
    '.hidden.jpg',
  ])('ignores the file %j', (name) => {
    expect(isJunkEntry(name, false)).toBe(true);
  });

  it.each(['__MACOSX', '.git', '.thumbnails', '$RECYCLE.BIN', 'System Volume Information'])(
    'ignores the folder %j',
    (name) => {
      expect(isJunkEntry(name, true)).toBe(true);
    },
  );

  it.each(['IMG_0001.JPG', 'notes.txt', 'café über 東京 ✨.webp', 'thumbs.db.jpg', 'Icon.png'])(
    'keeps the file %j',
    (name) => {
      expect(isJunkEntry(name, false)).toBe(false);
    },
  );

  it('keeps ordinary folders, and a file merely named like a junk folder', () => {
    expect(isJunkEntry('Vacation 2025', true)).toBe(false);
    expect(isJunkEntry('__MACOSX', false)).toBe(false);
  });
});

describe('isJunkDroppedFile (files the user dropped explicitly)', () => {
  it('still refuses Finder and Explorer metadata', () => {
    for (const name of ['.DS_Store', '._photo.jpg', 'Thumbs.db', 'desktop.ini'])
      expect(isJunkDroppedFile(name)).toBe(true);
  });

  it('accepts a merely hidden file that was chosen on purpose', () => {
    expect(isJunkDroppedFile('.cover.jpg')).toBe(false);
    expect(isJunkDroppedFile('photo.jpg')).toBe(false);
  });
});
