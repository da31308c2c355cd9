import { describe, expect, it } from 'vitest';
import type { CheckFinding, CheckRule } from '../../shared/check';
import type { DatasetManifest, DatasetSettings, ImageEntry } from '../../shared/dataset';
import { DEFAULT_EXPORT_CHOICE } from '../../shared/export-presets';
import { checkManifest } from './check-images';

const T = 'ide_main_hall';
const SETTINGS: DatasetSettings = {
  ...{ provider: 'gemini', baseUrl: null, model: 'gemini-2.5-flash', fallbackModels: [], prompt: 'Describe.' },
  ...{ concurrency: 4, rpm: 60, downscale: 1024 },
};
const P = `photo of ${T} `;

function image(id: string, caption: string | null, over: Partial<ImageEntry> = {}): ImageEntry {
  return {
    ...{ id, source: `/p/${id}.jpg`, relPath: `${id}.jpg`, format: 'jpeg', width: 2048, height: 1536, orientation: 1 },
    ...{ hasAlpha: false, bytes: 1, mtimeMs: 0, exportName: id, caption, captionSource: caption ? 'model' : null },
    ...{ status: caption ? 'captioned' : 'new', error: null, excluded: false, model: null, provider: null },
    ...{ takenAt: null, phash: null },
    ...over,
  };
}

function check(images: ImageEntry[]): CheckFinding[] {
  const manifest: DatasetManifest = {
    ...{ version: 1, id: 'd1', name: 'D', trigger: T, createdAt: '', updatedAt: '', roots: [] },
    ...{ settings: SETTINGS, images, skipped: [], batch: null, exportChoice: DEFAULT_EXPORT_CHOICE, trainings: [] },
  };
  return checkManifest(manifest).findings;
}

/** Unrelated 64-bit hashes (a fixed pseudo-random sequence: any two differ by about 32 bits). */
const HASHES = Array.from({ length: 10 }, (_, i) => {
  let x = BigInt(i + 1) * 0x9e3779b97f4a7c15n;
  x = ((x ^ (x >> 31n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
  return (x ^ (x >> 29n)).toString(16).padStart(16, '0').slice(-16);
});

const DESCRIPTIONS = [
  'a red chair near the door',
  'an oak table under a lamp',
  'two students reading at a desk',
  'the stage lit in blue',
  'a piano beside tall curtains',
  'rows of seats facing the stage',
  'a chandelier hanging from the ceiling',
  'an exit sign above a doorway',
  'coats on a rack by the entrance',
  'a window with rain on the glass',
];

/** Ten distinct, valid captions of large, unrelated images (so no rule fires unless a test adds a problem). */
const clean = () => DESCRIPTIONS.map((d, i) => image(`i${i}`, `${P}${d}`, { phash: HASHES[i] ?? null }));
const rules = (findings: CheckFinding[]) => findings.map((f) => f.rule);
const only = (findings: CheckFinding[], rule: CheckRule) => findings.filter((f) => f.rule === rule);

describe('checkManifest', () => {
  it('finds nothing in a clean dataset', () => {
    expect(check(clean())).toEqual([]);
  });

  it('reports missing and invalid captions, the trigger missing or in another case, errors first', () => {
    const images = [
      ...clean(),
      image('none', null),
      image('dot', `${P}a hall.`),
      image('case', 'photo of IDE_Main_Hall a hall'),
      image('absent', 'a photo of a hall'),
      image('excluded', null, { excluded: true }),
    ];
    const found = check(images);
    expect(rules(found).slice(0, 4)).toEqual(['missing-caption', 'missing-caption', 'trigger-missing', 'trigger-case']);
    expect(found[0]).toMatchObject({
      severity: 'error',
      imageIds: ['none'],
      fix: { kind: 'regenerate', imageIds: ['none'] },
    });
    expect(found[1]).toMatchObject({ imageIds: ['dot'], fix: null, message: expect.stringMatching(/punctuation/u) });
    expect(found[2]).toMatchObject({ imageIds: ['absent'], fix: { kind: 'bulk-edit', edit: { kind: 'fix-trigger' } } });
    expect(found[3]).toMatchObject({ imageIds: ['case'], fix: { kind: 'bulk-edit', edit: { kind: 'fix-trigger' } } });
  });

  it('offers to remove a phrase in 80% of the captions, reporting only the longest', () => {
    const images = clean().map((img, i) =>
      i < 8 ? { ...img, caption: `${img.caption}, polished wooden floor, soft light` } : img,
    );
    const shared = only(check(images), 'shared-phrase');
    expect(shared.map((f) => f.fix)).toEqual([
      {
        kind: 'bulk-edit',
        label: 'Remove "polished wooden floor"',
        edit: { kind: 'remove', phrase: 'polished wooden floor' },
        imageIds: images.slice(0, 8).map((i) => i.id),
      },
      {
        kind: 'bulk-edit',
        label: 'Remove "soft light"',
        edit: { kind: 'remove', phrase: 'soft light' },
        imageIds: images.slice(0, 8).map((i) => i.id),
      },
    ]);
  });

  it('does not call grammar a shared phrase, nor a phrase in fewer than 80%', () => {
    const images = clean().map((img, i) =>
      i < 7 ? { ...img, caption: `${img.caption} in the hall of the house` } : img,
    );
    expect(only(check(images), 'shared-phrase').map((f) => f.message)).toEqual([]);
  });

  it('groups duplicate captions and offers to regenerate all but one', () => {
    const images = clean();
    images[3] = { ...(images[3] as ImageEntry), caption: images[1]?.caption ?? null };
    const [dup] = only(check(images), 'duplicate-caption');
    expect(dup).toMatchObject({ imageIds: ['i1', 'i3'], keep: 'i1', fix: { kind: 'regenerate', imageIds: ['i3'] } });
  });

  it('flags hedging, captions past CLIP 77 tokens (info) and past T5 512 (≈, warning)', () => {
    const long = Array.from({ length: 90 }, (_, i) => `word${i}`).join(' ');
    const huge = Array.from({ length: 300 }, () => 'a wide hall').join(' ');
    const images = [
      ...clean(),
      image('hedge', `${P}what appears to be a hall`),
      image('long', `${P}${long}`),
      image('huge', `${P}${huge}`.slice(0, 1500).trim()),
    ];
    const found = check(images);
    expect(only(found, 'hedging')[0]?.imageIds).toEqual(['hedge']);
    expect(only(found, 'clip-truncated')[0]).toMatchObject({ severity: 'info', imageIds: ['long', 'huge'] });
    expect(only(found, 't5-truncated')).toEqual([]); // 1,500 characters stay inside T5's window
    expect(rules(found).at(-1)).toBe('clip-truncated');
  });

  it('flags images under 1024 px and fewer than 10 included images', () => {
    const images = clean().slice(0, 4);
    images[0] = { ...(images[0] as ImageEntry), width: 800, height: 600 };
    const found = check(images);
    expect(only(found, 'low-resolution')[0]).toMatchObject({
      imageIds: ['i0'],
      fix: { kind: 'exclude', imageIds: ['i0'] },
    });
    expect(only(found, 'too-few-images')[0]).toMatchObject({ imageIds: [], fix: null, severity: 'warning' });
  });

  it('groups images whose hashes differ by a few bits, not by many', () => {
    const images = clean();
    images[0] = { ...(images[0] as ImageEntry), phash: 'c507c66b9270aa77' };
    images[1] = { ...(images[1] as ImageEntry), phash: 'c507c66b9270aa70', width: 4000 }; // 3 bits
    images[2] = { ...(images[2] as ImageEntry), phash: '3af8399466bf5588' }; // every bit
    const near = only(check(images), 'near-duplicate-image');
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ imageIds: ['i0', 'i1'], keep: 'i1', fix: { kind: 'exclude', imageIds: ['i0'] } });
  });
});
