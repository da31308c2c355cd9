import { describe, expect, it } from 'vitest';
import { assignExportNames, defaultZipName, MAX_NAME_BYTES, MAX_NAME_CHARS, nameKey, sanitiseName } from './naming';

const add = (...relPaths: string[]) => relPaths.map((relPath) => ({ id: `id:${relPath}`, relPath }));
const namesOf = (taken: string[], relPaths: string[]) => {
  const map = assignExportNames(taken, add(...relPaths));
  return relPaths.map((r) => map.get(`id:${r}`));
};

describe('assignExportNames', () => {
  it('keeps the plain stem when it is unique', () => {
    expect(namesOf([], ['IMG_0001.JPG', 'studio/motorcycle.png'])).toEqual(['IMG_0001', 'motorcycle']);
  });

  it('prefixes the parent folder when a basename differs only by case of the extension', () => {
    expect(namesOf([], ['IMG_0001.JPG', 'Vacation 2025/IMG_0001.jpg'])).toEqual(['IMG_0001', 'Vacation 2025_IMG_0001']);
  });

  it('gives a.jpg and a.png distinct names, since they would share a.txt', () => {
    expect(namesOf([], ['a.jpg', 'a.png'])).toEqual(['a', 'a_2']);
  });

  it('treats names differing only by letter case as the same', () => {
    expect(namesOf([], ['x/Photo.jpg', 'y/PHOTO.jpg'])).toEqual(['Photo', 'y_PHOTO']);
  });

  it('walks up the folders, then numbers the longest name', () => {
    const names = namesOf([], ['a/x/p.jpg', 'b/x/p.jpg', 'c/x/p.jpg', 'p.png', 'p.webp']);
    expect(names).toEqual(['x_p', 'b_x_p', 'c_x_p', 'p', 'p_2']);
  });

  it('avoids names already taken in the dataset, case-insensitively', () => {
    expect(namesOf(['img_0001', 'Vacation 2025_img_0001'], ['Vacation 2025/IMG_0001.jpg'])).toEqual([
      'Vacation 2025_IMG_0001_2',
    ]);
  });

  it('lets a file whose own name looks derived keep it', () => {
    const names = namesOf([], ['IMG_1.jpg', 'V/IMG_1.jpg', 'V_IMG_1.jpg']);
    expect(names).toEqual(['IMG_1', 'V_IMG_1_2', 'V_IMG_1']);
  });

  it('does not depend on input order', () => {
    const paths = ['a.jpg', 'A.png', 'x/a.jpg', 'y/x/a.JPG', 'Vacation 2025/IMG_0001.jpg', 'IMG_0001.JPG', 'a_2.jpg'];
    const expected = assignExportNames(['taken'], add(...paths));
    for (let i = 0; i < 20; i++) {
      const shuffled = add(...paths).sort(() => Math.random() - 0.5);
      expect(assignExportNames(['taken'], shuffled)).toEqual(expected);
    }
  });

  it('produces names unique case-insensitively across a big colliding set', () => {
    const paths = Array.from({ length: 60 }, (_, i) => `${'d/'.repeat(i % 3)}${i % 2 ? 'PIC' : 'pic'}.${i}.jpg`);
    const all = [...add(...paths), ...add(...paths.map((p) => p.replace('.jpg', '.png')))];
    const names = [...assignExportNames([], all).values()];
    expect(names).toHaveLength(all.length);
    expect(new Set(names.map(nameKey)).size).toBe(all.length);
  });

  it('keeps Unicode names and treats NFC/NFD spellings as one', () => {
    const nfd = 'studio/cafe\u0301.jpg';
    const names = namesOf([], ['studio/café über 東京 ✨.webp', nfd, 'café.png']);
    expect(names[0]).toBe('café über 東京 ✨');
    expect(new Set(names.map((n) => nameKey(n ?? ''))).size).toBe(3);
    expect(names[2]).toBe('café');
    expect(names[1]).toBe('studio_café');
  });
});

describe('sanitiseName', () => {
  it('replaces characters forbidden on Windows and control characters', () => {
    expect(sanitiseName('a<b>c:d"e|f?g*h\\i\u0001j')).toBe('a_b_c_d_e_f_g_h_i_j');
  });

  it('trims trailing dots and spaces and hides no file', () => {
    expect(sanitiseName('  name. . ')).toBe('name');
    expect(sanitiseName('.hidden')).toBe('_hidden');
    expect(sanitiseName('._resource')).toBe('__resource');
    expect(sanitiseName('...')).toBe('image');
    expect(sanitiseName('')).toBe('image');
  });

  it('escapes Windows device names, also with an extension-like part', () => {
    expect(sanitiseName('CON')).toBe('CON_');
    expect(sanitiseName('nul')).toBe('nul_');
    expect(sanitiseName('com1')).toBe('com1_');
    expect(sanitiseName('LPT9.tar')).toBe('LPT9_.tar');
    expect(sanitiseName('console')).toBe('console');
    expect(namesOf([], ['aux.jpg', 'PRN.png'])).toEqual(['aux_', 'PRN_']);
  });

  it('caps long names on a grapheme boundary, in characters and in UTF-8 bytes', () => {
    expect(sanitiseName('x'.repeat(300))).toBe('x'.repeat(MAX_NAME_CHARS));
    const family = '👨‍👩‍👧';
    const capped = sanitiseName(family.repeat(60));
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(capped.length % family.length).toBe(0);
    expect(Buffer.from(capped, 'utf8').toString('utf8')).toBe(capped);
  });

  it('keeps letters, spaces and emoji', () => {
    expect(sanitiseName('Été à Paris 🌞 東京')).toBe('Été à Paris 🌞 東京');
  });

  it('mends broken UTF-16', () => {
    expect(sanitiseName('a\uD800b')).toBe('a_b');
  });
});

describe('defaultZipName', () => {
  it('names the ZIP after the trigger', () => {
    expect(defaultZipName('TOK')).toBe('TOK_training.zip');
  });
});
