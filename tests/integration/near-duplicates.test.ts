import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/core/check';
import { createDatasetStore } from '../../src/core/datasets';
import { SAMPLE_SETTINGS } from '../../src/core/datasets/testing';
import { importIntoDataset } from '../../src/core/workflow';
import type { CheckFinding } from '../../src/shared/check';
import { FIXTURES_DIR, removeDir, tempDir } from '../support/fixtures';

/**
 * Near-duplicate images on real photos (the shared fixtures) and copies made of them with sharp: resized,
 * re-encoded, cropped by 5%, brightened. They must be grouped with their original; different photos, and two
 * views of one scene (the left and the right 70% of one photo), must not.
 */

const ORIGINALS = [
  'studio/motorcycle.png',
  'Vacation 2025/day two/rocket launch.jpg',
  'IMG_0001.JPG',
  'studio/gray16.png',
];

let work: string;
let folder: string;
let findings: CheckFinding[];
let relPathOf: (id: string) => string;

beforeAll(async () => {
  work = await tempDir('cs-near-dup-');
  folder = join(work, 'photos');
  await mkdir(folder);
  for (const [i, rel] of ORIGINALS.entries()) {
    const src = join(FIXTURES_DIR, rel);
    await sharp(src)
      .rotate()
      .png()
      .toFile(join(folder, `photo${i}.png`));
  }
  const upright = (i: number) => sharp(join(folder, `photo${i}.png`));
  const size = async (i: number) => {
    const m = await upright(i).metadata();
    return { w: m.width ?? 0, h: m.height ?? 0 };
  };
  const copies = join(folder, 'copies');
  await mkdir(copies);
  // photo0: every kind of copy.
  const p0 = await size(0);
  const crop5 = {
    left: Math.round(p0.w * 0.025),
    top: Math.round(p0.h * 0.025),
    width: Math.round(p0.w * 0.95),
    height: Math.round(p0.h * 0.95),
  };
  await upright(0).extract(crop5).jpeg({ quality: 85 }).toFile(join(copies, 'photo0-crop5.jpg'));
  await upright(0)
    .extract({ left: 0, top: 0, width: Math.round(p0.w * 0.95), height: Math.round(p0.h * 0.95) })
    .png()
    .toFile(join(copies, 'photo0-corner5.png'));
  await upright(0)
    .resize(Math.round(p0.w / 2))
    .webp({ quality: 50 })
    .toFile(join(copies, 'photo0-half.webp'));
  await upright(0).modulate({ brightness: 1.15 }).jpeg({ quality: 40 }).toFile(join(copies, 'photo0-bright-q40.jpg'));
  // photo1: one resized copy.
  const p1 = await size(1);
  await upright(1)
    .resize(Math.round(p1.w * 0.7))
    .jpeg({ quality: 70 })
    .toFile(join(copies, 'photo1-small.jpg'));
  // photo3: two views of one scene, not the same picture.
  const p3 = await size(3);
  const view = Math.round(p3.w * 0.7);
  await upright(3).extract({ left: 0, top: 0, width: view, height: p3.h }).png().toFile(join(folder, 'scene-left.png'));
  await upright(3)
    .extract({ left: p3.w - view, top: 0, width: view, height: p3.h })
    .png()
    .toFile(join(folder, 'scene-right.png'));
  await writeFile(join(folder, 'readme.md'), 'not an image');

  const store = createDatasetStore({ dataDir: join(work, 'data') });
  const { id } = await store.create({ name: 'Dups', trigger: 'sks_thing', roots: [folder], settings: SAMPLE_SETTINGS });
  const imported = await importIntoDataset(store, id, [folder]);
  expect(imported.added).toHaveLength(11);
  expect(imported.added.every((i) => /^[0-9a-f]{16}$/u.test(i.phash ?? ''))).toBe(true);
  const checked = await checkDataset(store, id);
  findings = checked.report.findings.filter((f) => f.rule === 'near-duplicate-image');
  relPathOf = (imageId) => checked.manifest.images.find((i) => i.id === imageId)?.relPath ?? imageId;
}, 120_000);
afterAll(() => removeDir(work));

const groups = () => findings.map((f) => f.imageIds.map(relPathOf).sort());

describe('near-duplicate images', () => {
  it('groups resized, re-encoded, 5%-cropped and brightened copies with their original', () => {
    expect(groups()).toContainEqual(
      [
        'copies/photo0-bright-q40.jpg',
        'copies/photo0-corner5.png',
        'copies/photo0-crop5.jpg',
        'copies/photo0-half.webp',
        'photo0.png',
      ].sort(),
    );
    expect(groups()).toContainEqual(['copies/photo1-small.jpg', 'photo1.png']);
  });

  it('does not group different photos, nor two views of one scene', () => {
    expect(groups()).toHaveLength(2);
    const grouped = groups().flat();
    for (const alone of ['photo2.png', 'photo3.png', 'scene-left.png', 'scene-right.png'])
      expect(grouped).not.toContain(alone);
  });

  it('keeps the largest of each group and excludes the other copies', () => {
    const [first] = findings.filter((f) => f.imageIds.length === 5);
    expect(first && relPathOf(first.keep ?? '')).toBe('photo0.png');
    expect(first?.fix).toMatchObject({ kind: 'exclude' });
    expect(first?.fix?.imageIds.map(relPathOf).sort()).toEqual(
      [
        'copies/photo0-bright-q40.jpg',
        'copies/photo0-corner5.png',
        'copies/photo0-crop5.jpg',
        'copies/photo0-half.webp',
      ].sort(),
    );
  });
});
