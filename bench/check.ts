// The dataset check at 5,000 captioned images (hashes stored, as after an import), against loading the dataset
// alone (the floor any check pays), measured in the same run. Usage: npx tsx bench/check.ts [--images N]
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { checkDataset } from '../src/core/check';
import { createDatasetStore } from '../src/core/datasets';
import { captionedDataset } from './_captioned-dataset';

const at = process.argv.indexOf('--images');
const IMAGES = at > 0 ? Number(process.argv[at + 1]) : 5000;
const TRIGGER = 'ide_main_hall';
const LEGACY = 500;

/** `count` images with real originals and thumbnails but no stored hash, as a 0.2 import left them. */
async function legacyDataset(dir: string, count: number) {
  const photos = join(dir, 'photos');
  await mkdir(photos, { recursive: true });
  const { store, id } = await captionedDataset(join(dir, 'data'), count, TRIGGER);
  const manifest = await store.load(id);
  const thumbs = store.thumbsDir(id);
  await mkdir(thumbs, { recursive: true });
  const images = await Promise.all(
    manifest.images.map(async (image, n) => {
      const source = join(photos, `${image.id}.jpg`);
      const photo = sharp({
        create: { width: 1200, height: 900, channels: 3, background: { r: n % 256, g: 90, b: 160 } },
      });
      await photo.jpeg().toFile(source);
      await photo
        .resize(400)
        .jpeg()
        .toFile(join(thumbs, `${image.id}.jpg`));
      return { ...image, source, phash: null };
    }),
  );
  await store.save({ ...manifest, images });
  return { store, id };
}

const dataDir = await mkdtemp(join(tmpdir(), 'cs-bench-check-'));
try {
  const { id } = await captionedDataset(dataDir, IMAGES, TRIGGER);
  // A fresh store each time: nothing cached, as when the user opens the check after a restart.
  let t = performance.now();
  await createDatasetStore({ dataDir }).load(id);
  const loadMs = performance.now() - t;
  t = performance.now();
  const first = await checkDataset(createDatasetStore({ dataDir }), id);
  const firstMs = performance.now() - t;
  t = performance.now();
  await checkDataset(createDatasetStore({ dataDir }), id);
  const secondMs = performance.now() - t;

  const byRule = new Map<string, number>();
  for (const f of first.report.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  console.log(`dataset: ${IMAGES} captioned images; findings: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`);
  console.log(`load alone (baseline): ${loadMs.toFixed(1)} ms`);
  console.log(`check, first in the process (CLIP tokenizer built): ${firstMs.toFixed(1)} ms`);
  console.log(`check, again: ${secondMs.toFixed(1)} ms`);
  console.log(
    `ratio check/load: x${(firstMs / loadMs).toFixed(1)} (first), x${(secondMs / loadMs).toFixed(1)} (again)`,
  );
  console.log(firstMs < 2000 ? 'OK: the check takes under 2 seconds' : 'SLOW: over 2 seconds');

  // A dataset imported before hashes were stored: the first check computes them from the thumbnails, once.
  const legacy = await legacyDataset(join(dataDir, 'legacy'), LEGACY);
  t = performance.now();
  await checkDataset(legacy.store, legacy.id);
  const legacyMs = performance.now() - t;
  t = performance.now();
  await checkDataset(legacy.store, legacy.id);
  const afterMs = performance.now() - t;
  console.log(
    `first check of ${LEGACY} images imported before 0.3 (hashes from thumbnails, dates from the originals): ` +
      `${legacyMs.toFixed(0)} ms (${((legacyMs / LEGACY) * 1000).toFixed(0)} ms per 1,000); the next: ${afterMs.toFixed(0)} ms`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
