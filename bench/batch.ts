/**
 * Gemini batch jobs against the fake (real SDK, real dataset store, real photos):
 *   (a) preparing and submitting a file batch of 1,000 and of 2,000 images, each in a fresh child process, with its
 *       peak RSS over its idle RSS and its live memory (heap and Buffers after a forced collection, sampled each
 *       second): flat memory means the 2,000-image figures are about the 1,000-image ones; the baseline, measured the same way, only prepares the 2,000 images (what sharp alone costs), and the bytes an
 *       in-memory batch would hold are printed alongside;
 *   (b) applying the 2,000 results (read the job, download and parse the results file, one manifest write),
 *       per 1,000 captions, against the baseline of writing the same outcomes as one journal line each (what a
 *       normal run does per image), measured in the same run.
 * The fake runs in this process, so its own memory (it keeps every upload) never counts in a child's figures.
 * Usage: npx tsx bench/batch.ts [--counts 1000,2000]
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { batchDeps, checkBatch, submitBatch } from '../src/core/batch';
import { prepareImage } from '../src/core/captioner';
import { systemClock } from '../src/core/clock';
import { createDatasetStore } from '../src/core/datasets';
import { applyBatchSharpSettings } from '../src/core/images';
import { FAKE_API_KEY, startFakeGemini } from '../tests/fake-gemini';
import { datasetOfPhotos } from '../tests/support/batch-dataset';

/** Distinct photos encoded; the rest are byte copies (separate files, each prepared on its own). */
const UNIQUE = 40;
const W = 1024;
const H = 768;

interface SubmitJob {
  /** `prepare`: the baseline, only preparing every image (4 at a time, as the batch does) and dropping it. */
  kind: 'submit' | 'prepare';
  dataDir: string;
  datasetId: string;
  url: string;
}
interface SubmitResult {
  ms: number;
  idleRssMB: number;
  peakRssMB: number;
  /**
   * The most memory really held (JS heap plus Buffers outside it), sampled after a forced collection once a
   * second: V8 collects lazily, so the peak RSS also counts garbage not yet collected and varies from run to run.
   */
  liveMB: number;
  name: string;
  input: string;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** In the child: submits the dataset's batch, sampling RSS every 5 ms so the peak is this job's own. */
async function submitInChild(job: SubmitJob): Promise<SubmitResult> {
  global.gc?.();
  const idleRssMB = mb(process.memoryUsage.rss());
  let peak = idleRssMB;
  let liveMB = 0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, mb(m.rss));
  }, 5);
  const live = setInterval(() => {
    global.gc?.();
    const m = process.memoryUsage();
    liveMB = Math.max(liveMB, mb(m.heapUsed + m.external));
  }, 1000);
  const store = createDatasetStore({ dataDir: job.dataDir });
  const deps = batchDeps(store, { apiKey: FAKE_API_KEY, baseUrl: job.url }, systemClock);
  const t0 = performance.now();
  const status = job.kind === 'submit' ? await submitBatch(deps, job.datasetId, {}) : null;
  if (job.kind === 'prepare') await prepareAll((await store.load(job.datasetId)).images);
  const ms = performance.now() - t0;
  clearInterval(timer);
  clearInterval(live);
  const input = (await store.load(job.datasetId)).batch?.input ?? 'none';
  const peakRssMB = Math.max(peak, mb(process.memoryUsage.rss()));
  return { ms, idleRssMB, peakRssMB, liveMB, name: status?.name ?? '', input };
}

/** The baseline's work: what the batch does to each photo before it uploads it, and nothing else. */
async function prepareAll(images: ReadonlyArray<{ source: string }>): Promise<void> {
  applyBatchSharpSettings();
  let next = 0;
  const worker = async () => {
    while (next < images.length) await prepareImage(images[next++]?.source ?? '', 'jpeg', 512);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

function inChild(job: SubmitJob): Promise<SubmitResult> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--child'], { execArgv: [...process.execArgv, '--expose-gc'] });
    child.once('message', (m) => resolve(m as SubmitResult));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`child exited with ${code}`)));
    child.send(job);
  });
}

/** A busy photo (low-frequency scene plus noise): it does not shrink much, so big batches really are big. */
async function noisyJpeg(): Promise<Buffer> {
  const scene = await sharp(randomBytes(8 * 6 * 3), { raw: { width: 8, height: 6, channels: 3 } })
    .resize(W, H, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const noise = randomBytes(scene.length);
  for (let i = 0; i < scene.length; i++) scene[i] = ((scene[i] ?? 0) * 3 + (noise[i] ?? 0)) >> 2;
  return sharp(scene, { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function writePhotos(dir: string, count: number): Promise<Array<{ id: string; source: string }>> {
  await mkdir(dir, { recursive: true });
  const photos: Array<{ id: string; source: string }> = [];
  for (let i = 0; i < count; i++) {
    const source = join(dir, `photo-${String(i).padStart(5, '0')}.jpg`);
    if (i < UNIQUE) await writeFile(source, await noisyJpeg());
    else await copyFile(join(dir, `photo-${String(i % UNIQUE).padStart(5, '0')}.jpg`), source);
    photos.push({ id: `img-${i}`, source });
  }
  return photos;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { counts: { type: 'string' } } });
  const counts = (values.counts ?? '1000,2000').split(',').map(Number);
  const root = await mkdtemp(join(tmpdir(), 'bench-batch-'));
  const fake = await startFakeGemini({ batchProgress: 'manual', noise: true });
  try {
    const photos = await writePhotos(join(root, 'photos'), Math.max(...counts));
    // What an in-memory batch would hold: every prepared copy (the same downscale the batch uses, 512 px).
    const sample = await Promise.all(photos.slice(0, UNIQUE).map((p) => prepareImage(p.source, 'jpeg', 512)));
    const perImage = sample.reduce((n, s) => n + s.data.length, 0) / sample.length;
    const onDisk = (await stat(photos[0]?.source ?? '')).size;
    console.log(
      `photos: ${W}x${H} JPEGs (~${(onDisk / 1024).toFixed(0)} KB), prepared for Gemini at 512 px: ~${(perImage / 1024).toFixed(0)} KB each`,
    );

    let last: { count: number; dataDir: string; datasetId: string; name: string } | null = null;
    const peaks: Array<{ rss: number; live: number }> = [];
    const largest = Math.max(...counts);
    for (const count of counts) {
      const { dataDir, datasetId, store } = await datasetOfPhotos(join(root, `data-${count}`), photos.slice(0, count));
      await store.close();
      if (count === largest) {
        const base = await inChild({ kind: 'prepare', dataDir, datasetId, url: fake.url });
        console.log(
          `baseline, only preparing the ${count} images (4 at a time, nothing sent): ${(base.ms / 1000).toFixed(1)} s, ` +
            `RSS idle ${base.idleRssMB.toFixed(0)} MB -> peak ${base.peakRssMB.toFixed(0)} MB (+${(base.peakRssMB - base.idleRssMB).toFixed(0)} MB)`,
        );
      }
      const r = await inChild({ kind: 'submit', dataDir, datasetId, url: fake.url });
      const growth = r.peakRssMB - r.idleRssMB;
      peaks.push({ rss: growth, live: r.liveMB });
      const held = mb(perImage * count);
      console.log(
        `submit ${count} images (${r.input} batch): ${(r.ms / 1000).toFixed(1)} s, ${((count / r.ms) * 1000).toFixed(0)} images/s, ` +
          `RSS idle ${r.idleRssMB.toFixed(0)} MB -> peak ${r.peakRssMB.toFixed(0)} MB (+${growth.toFixed(0)} MB); ` +
          `live memory at most ${r.liveMB.toFixed(0)} MB (an in-memory batch would hold ${held.toFixed(0)} MB of images)`,
      );
      last = { count, dataDir, datasetId, name: r.name };
    }
    const [first, second] = peaks.slice(-2);
    if (first && second) {
      console.log(
        `${counts.at(-1)} / ${counts.at(-2)} images: live memory ${(second.live / first.live).toFixed(2)}x, ` +
          `peak RSS growth ${(second.rss / first.rss).toFixed(2)}x (flat: ~1x; the RSS ratio is noisy, see above)`,
      );
    }
    if (last) await applyBench(last, fake);
  } finally {
    await fake.close();
    await rm(root, { recursive: true, force: true });
  }
}

/** (b): the results of the last batch applied, against one journal line per outcome. */
async function applyBench(
  job: { count: number; dataDir: string; datasetId: string; name: string },
  fake: Awaited<ReturnType<typeof startFakeGemini>>,
): Promise<void> {
  fake.settleBatch(job.name, 'SUCCEEDED');
  const store = createDatasetStore({ dataDir: job.dataDir });
  const deps = batchDeps(store, { apiKey: FAKE_API_KEY, baseUrl: fake.url }, systemClock);
  // The results are in the dataset when the first manifest write of the check is done (the cleanup follows it).
  let appliedAt = 0;
  const tracked: typeof store = Object.create(store);
  tracked.modify = async (id, change) => {
    const written = await store.modify(id, change);
    appliedAt ||= performance.now();
    return written;
  };
  const t0 = performance.now();
  const step = await checkBatch({ ...deps, store: tracked }, job.datasetId);
  const total = performance.now() - t0;
  const applied = appliedAt - t0;
  const captioned = step.finished?.summary.captioned ?? 0;
  const images = (await store.load(job.datasetId)).images;

  // Baseline: the same outcomes written the way a normal run writes each one, a journal line per image.
  const baseline = await datasetOfPhotos(join(job.dataDir, '..', 'data-journal'), images);
  const b0 = performance.now();
  for (const image of images) {
    const { caption, captionSource, status, error, model, provider } = image;
    await baseline.store.updateImage(baseline.datasetId, image.id, {
      caption,
      captionSource,
      status,
      error,
      model,
      provider,
    });
  }
  const journalMs = performance.now() - b0;
  const per1000 = (ms: number) => (ms / Math.max(1, captioned)) * 1000;
  console.log(
    `apply ${captioned} results (read job, download + parse results file, one manifest write): ${applied.toFixed(0)} ms, ` +
      `${per1000(applied).toFixed(0)} ms per 1,000 captions; with deleting the job's ${job.count + 2} files: ${(total / 1000).toFixed(1)} s`,
  );
  console.log(
    `baseline, one fsync'd journal line per outcome: ${journalMs.toFixed(0)} ms (${per1000(journalMs).toFixed(0)} ms per 1,000); ` +
      `ratio apply / journal: ${(applied / journalMs).toFixed(2)}x`,
  );
  await store.close();
  await baseline.store.close();
}

if (process.argv.includes('--child')) {
  process.once('message', async (job: SubmitJob) => {
    const result = await submitInChild(job);
    process.send?.(result, () => process.exit(0));
  });
} else {
  await main();
}
