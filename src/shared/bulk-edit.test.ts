import { describe, expect, it } from 'vitest';
import { type BulkEdit, planBulkEdit } from './bulk-edit';

const T = 'ide_main_hall';
const P = `photo of ${T} `;
const images = (...captions: Array<string | null>) => captions.map((caption, i) => ({ id: `i${i}`, caption }));
const plan = (edit: BulkEdit, ...captions: Array<string | null>) => planBulkEdit(images(...captions), edit, T);
const afters = (edit: BulkEdit, ...captions: Array<string | null>) => {
  const p = plan(edit, ...captions);
  if (!p.ok) throw new Error(p.error);
  return p.changes.map((c) => c.after);
};

describe('planBulkEdit: find and replace', () => {
  it('replaces plain text in the description only, case-insensitively by default', () => {
    expect(afters({ kind: 'replace', find: 'Hall', replace: 'room' }, `${P}a hall with a HALL clock`)).toEqual([
      `${P}a room with a room clock`,
    ]);
  });

  it('never touches the prefix, even when the pattern matches it', () => {
    expect(afters({ kind: 'replace', find: 'photo of', replace: 'picture of' }, `${P}a photo of a cat`)).toEqual([
      `${P}a picture of a cat`,
    ]);
    expect(afters({ kind: 'replace', find: T, replace: 'x' }, `${P}a hall`)).toEqual([]);
  });

  it('matches case and whole words when asked', () => {
    const c = `${P}a Cat and a cathedral and a cat`;
    expect(afters({ kind: 'replace', find: 'cat', replace: 'dog', matchCase: true, wholeWord: true }, c)).toEqual([
      `${P}a Cat and a cathedral and a dog`,
    ]);
    expect(afters({ kind: 'replace', find: 'cat', replace: 'dog', wholeWord: true }, c)).toEqual([
      `${P}a dog and a cathedral and a dog`,
    ]);
  });

  it('takes plain text literally ($ and regex characters) and regexes with groups', () => {
    expect(afters({ kind: 'replace', find: 'a.b', replace: '$1 $&' }, `${P}a.b and axb`)).toEqual([
      `${P}$1 $& and axb`,
    ]);
    expect(
      afters({ kind: 'replace', find: String.raw`(\w+) wall`, replace: 'wall of $1', regex: true }, `${P}a brick wall`),
    ).toEqual([`${P}a wall of brick`]);
  });

  it('reports a bad pattern as an error value, not an exception', () => {
    const p = plan({ kind: 'replace', find: '(unclosed', replace: '', regex: true }, `${P}a hall`);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toMatch(/^Not a valid regular expression/u);
  });

  it('lists captions that would become invalid and leaves them out', () => {
    const p = plan({ kind: 'replace', find: 'a hall', replace: '' }, `${P}a hall`, `${P}a hall, tall windows`);
    expect(p.ok && p.changes.map((c) => c.after)).toEqual([`${P}tall windows`]);
    expect(p.ok && p.leftOut).toEqual([
      { imageId: 'i0', before: `${P}a hall`, after: `${P}`, reason: expect.stringMatching(/description/u) },
    ]);
  });

  it('counts unchanged captions and images without a caption; leaves out captions without the prefix', () => {
    const p = plan({ kind: 'replace', find: 'hall', replace: 'room' }, `${P}a kitchen`, null, 'a hall');
    expect(p).toEqual({
      ok: true,
      changes: [],
      unchanged: 2,
      leftOut: [{ imageId: 'i2', before: 'a hall', after: null, reason: expect.stringMatching(/fix the trigger/u) }],
    });
  });
});

describe('planBulkEdit: add, remove, fix the trigger', () => {
  it('adds after the prefix or at the end', () => {
    expect(afters({ kind: 'add', text: 'wide shot,', at: 'start' }, `${P}a hall`)).toEqual([`${P}wide shot, a hall`]);
    expect(afters({ kind: 'add', text: ', at night', at: 'end' }, `${P}a hall`)).toEqual([`${P}a hall, at night`]);
    expect(afters({ kind: 'add', text: 'at night', at: 'end' }, `${P}a hall`)).toEqual([`${P}a hall at night`]);
  });

  it('leaves out an addition that ends the caption with punctuation', () => {
    const p = plan({ kind: 'add', text: 'at night.', at: 'end' }, `${P}a hall`);
    expect(p.ok && p.leftOut[0]?.reason).toMatch(/punctuation/u);
  });

  it('removes a phrase as whole words and tidies the commas it leaves', () => {
    const edit: BulkEdit = { kind: 'remove', phrase: 'Wooden floor' };
    expect(
      afters(
        edit,
        `${P}a hall, wooden floor, tall windows`,
        `${P}wooden floor, a hall`,
        `${P}a hall with wooden floors`,
        `${P}a hall, wooden floor`,
      ),
    ).toEqual([`${P}a hall, tall windows`, `${P}a hall`, `${P}a hall`]);
  });

  it('puts the exact prefix back: wrong case corrected, missing prefix added', () => {
    expect(
      afters(
        { kind: 'fix-trigger' },
        'photo of IDE_Main_Hall a hall',
        'Photo of ide_main_hall, a hall',
        'a hall at night',
        'A photo of a hall',
        `${P}a hall`,
      ),
    ).toEqual([`${P}a hall`, `${P}a hall`, `${P}a hall at night`, `${P}a hall`]);
  });
});

describe('planBulkEdit at scale', () => {
  it('plans 5,000 captions', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: `i${i}`,
      caption: `${P}a hall number ${i}, oak floor`,
    }));
    const p = planBulkEdit(many, { kind: 'replace', find: 'oak', replace: 'pine', wholeWord: true }, T);
    expect(p.ok && p.changes.length).toBe(5000);
  });
});
