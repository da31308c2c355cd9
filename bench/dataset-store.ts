// Dataset store: what a caption edit costs with the journal vs rewriting the whole manifest atomically.
// Usage: npx tsx bench/dataset-store.ts [--large]   (--large: 5,000 images, 2,000 updates, full baseline)
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatasetStore } from '../src/core/datasets';
import { SAMPLE_SETTINGS, sampleCaption, sampleImages } from '../src/core/datasets/testing';
import { writeFileAtomic } from '../src/core/fs';
import type { DatasetManifest } from '../src/shared/dataset';

const large = process.argv.includes('--large');
const IMAGES = large ? 5000 : 2000;
const UPDATES = large ? 2000 : 1000;
const BASELINE_UPDATES = large ? UPDATES : 200; // a full rewrite per edit is slow: sample fewer by default
const DATASETS_FOR_LIST = 20;
const TRIGGER = 'sks_person';

/** Bytes this process has passed to write(2) so far (Linux); temp files, fsync'd lines and renames included. */
const hasProcIo = existsSync('/proc/self/io');
const written = () => (hasProcIo ? Number(/wchar:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0) : 0);

const dataDir = await mkdtemp(join(tmpdir(), 'cs-bench-datasets-'));
try {
  const store = createDatasetStore({ dataDir });
  const created = await store.create({
    name: 'Bench',
    trigger: TRIGGER,
    roots: ['/photos'],
    settings: SAMPLE_SETTINGS,
  });
  await store.save({ ...created, images: sampleImages(IMAGES, TRIGGER) });
  const id = created.id;
  const manifestBytes = Buffer.byteLength(JSON.stringify(await store.load(id)));

  // Journal: what the app does on every caption edit (one fsync'd line; compaction every 500 lines).
  const times: number[] = [];
  let bytes0 = written();
  let lineOnlyBytes = 0; // the first 499 updates stay below the compaction threshold: pure journal appends
  for (let n = 0; n < UPDATES; n++) {
    if (n === 499) lineOnlyBytes = (written() - bytes0) / 499;
    const patch = { caption: sampleCaption(TRIGGER, n), captionSource: 'user' as const, status: 'edited' as const };
    const t = performance.now();
    await store.updateImage(id, `img-${String((n * 7) % IMAGES).padStart(5, '0')}`, patch);
    times.push(performance.now() - t);
  }
  const journalBytes = (written() - bytes0) / UPDATES;
  const journalMs = mean(times);

  // Baseline, same run: apply the patch in memory and rewrite the whole manifest atomically each time.
  const manifest: DatasetManifest = await store.load(id);
  const path = join(store.datasetDir(id), 'manifest.json');
  const baseTimes: number[] = [];
  bytes0 = written();
  for (let n = 0; n < BASELINE_UPDATES; n++) {
    const t = performance.now();
    const i = (n * 7) % IMAGES;
    const img = manifest.images[i];
    if (img) manifest.images[i] = { ...img, caption: sampleCaption(TRIGGER, n), status: 'edited' };
    manifest.updatedAt = new Date().toISOString();
    await writeFileAtomic(path, JSON.stringify(manifest));
    baseTimes.push(performance.now() - t);
  }
  const baseBytes = (written() - bytes0) / BASELINE_UPDATES;
  const baseMs = mean(baseTimes);

  // Reads: one load, and list() over several datasets of the same size.
  const fresh = createDatasetStore({ dataDir });
  let t = performance.now();
  await fresh.load(id);
  const loadMs = performance.now() - t;
  for (let s = 1; s < DATASETS_FOR_LIST; s++) {
    const m = await store.create({ name: `S${s}`, trigger: TRIGGER, roots: ['/photos'], settings: SAMPLE_SETTINGS });
    await store.save({ ...m, images: sampleImages(IMAGES, TRIGGER) });
  }
  t = performance.now();
  const list = await createDatasetStore({ dataDir }).list();
  const listMs = performance.now() - t;

  const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  console.log(
    `dataset: ${IMAGES} images, manifest ${kb(manifestBytes)}; ${UPDATES} journal updates, ${BASELINE_UPDATES} baseline`,
  );
  console.log(
    `journal updateImage: ${journalMs.toFixed(3)} ms/update (p95 ${p95(times).toFixed(3)} ms), ` +
      (hasProcIo ? `${kb(journalBytes)} written/update with compaction, ${lineOnlyBytes.toFixed(0)} B without` : ''),
  );
  console.log(
    `baseline full atomic rewrite: ${baseMs.toFixed(3)} ms/update, ${hasProcIo ? kb(baseBytes) : 'n/a'} written/update`,
  );
  console.log(
    `ratio baseline/journal: time x${(baseMs / journalMs).toFixed(1)}` +
      (hasProcIo ? `, bytes x${(baseBytes / journalBytes).toFixed(1)}` : ''),
  );
  console.log(
    `load() ${IMAGES} images: ${loadMs.toFixed(1)} ms; list() of ${list.length} datasets: ${listMs.toFixed(1)} ms`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

function p95(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0;
}
