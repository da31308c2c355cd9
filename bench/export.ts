/**
 * Export throughput and memory. Generates N noisy ~1 MB JPEGs (1200 × 900, quality 90) with captions, then
 * measures, each in a fresh child process so memory figures belong to one job:
 *   (a) baseline: plain fs.copyFile of every image into a folder (no captions, no fsync);
 *   (b) the same with an fsync per file (the durability exportZip pays for once, on the whole ZIP);
 *   (c) exportZip of the same images (STOREd, streamed, fsynced, renamed into place).
 * Prints times, MB/s, the time ratios (c)/(a) and (c)/(b), and each job's peak RSS growth over its idle RSS, to show the ZIP
 * is streamed (memory does not grow with the dataset).
 * Usage: npx tsx bench/export.ts [--count N] [--large]   (default N = 150; --large = 1000)
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { exportZip } from '../src/core/exporter';
import type { ImageEntry } from '../src/shared/dataset';

const W = 1200;
const H = 900;
const TRIGGER = 'TOK';
/** Distinct images encoded; the rest are byte copies of them (still separate files), to keep setup quick. */
const UNIQUE = 30;

interface Job {
  kind: 'copy' | 'copy+fsync' | 'zip';
  images: ImageEntry[];
  out: string;
}
interface JobResult {
  ms: number;
  idleRssMB: number;
  peakRssMB: number;
  bytes: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

async function rssNowMB(): Promise<number> {
  return mb(process.memoryUsage.rss());
}

/** Runs one job in this (child) process, sampling RSS every 5 ms so the peak is this job's own. */
async function runJob(job: Job): Promise<JobResult> {
  global.gc?.();
  const idleRssMB = await rssNowMB();
  let peak = idleRssMB;
  const timer = setInterval(() => {
    peak = Math.max(peak, mb(process.memoryUsage.rss()));
  }, 5);
  const t0 = performance.now();
  let bytes = 0;
  if (job.kind === 'zip') {
    bytes = (await exportZip({ images: job.images, trigger: TRIGGER, outPath: job.out })).bytes;
  } else {
    await mkdir(job.out);
    for (const img of job.images) {
      const dest = join(job.out, `${img.exportName}.jpg`);
      await copyFile(img.source, dest);
      if (job.kind === 'copy+fsync') await fsyncFile(dest);
      bytes += img.bytes;
    }
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, await rssNowMB());
  return { ms, idleRssMB, peakRssMB: peak, bytes };
}

async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  await fh.sync();
  await fh.close();
}

function inChild(job: Job): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--child'], { execArgv: [...process.execArgv, '--expose-gc'] });
    child.once('message', (m) => resolve(m as JobResult));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`child exited with ${code}`)));
    child.send(job);
  });
}

/** Random low-frequency "scene" plus per-pixel noise: compresses like a busy photo (~1 MB at quality 90). */
async function noisyJpeg(): Promise<Buffer> {
  const scene = await sharp(randomBytes(12 * 9 * 3), { raw: { width: 12, height: 9, channels: 3 } })
    .resize(W, H, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const noise = randomBytes(scene.length);
  for (let i = 0; i < scene.length; i++) scene[i] = ((scene[i] ?? 0) + (noise[i] ?? 0) * 7) >> 3;
  return sharp(scene, { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function makeDataset(dir: string, count: number): Promise<ImageEntry[]> {
  await mkdir(dir);
  const images: ImageEntry[] = [];
  for (let i = 0; i < count; i++) {
    const source = join(dir, `photo_${String(i).padStart(5, '0')}.jpg`);
    if (i < UNIQUE) await writeFile(source, await noisyJpeg());
    else await copyFile(join(dir, `photo_${String(i % UNIQUE).padStart(5, '0')}.jpg`), source);
    const s = await stat(source);
    const exportName = `photo_${String(i).padStart(5, '0')}`;
    images.push({
      id: exportName,
      source,
      relPath: `${exportName}.jpg`,
      format: 'jpeg',
      width: W,
      height: H,
      orientation: 1,
      hasAlpha: false,
      bytes: s.size,
      mtimeMs: s.mtimeMs,
      exportName,
      caption: `photo of ${TRIGGER} a noisy test pattern number ${i} on a grey background`,
      captionSource: 'model',
      status: 'captioned',
      error: null,
      excluded: false,
      model: null,
      provider: null,
    });
  }
  return images;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string' }, large: { type: 'boolean' } } });
  const count = Number(values.count ?? (values.large ? 1000 : 150));
  const root = await mkdtemp(join(tmpdir(), 'bench-export-'));
  try {
    const t0 = performance.now();
    const images = await makeDataset(join(root, 'photos'), count);
    const totalMB = mb(images.reduce((n, i) => n + i.bytes, 0));
    // Warm the page cache for both jobs alike.
    for (const img of images) await readFile(img.source);
    console.log(
      `dataset: ${count} JPEGs ${W}x${H}, ${totalMB.toFixed(0)} MB (avg ${(totalMB / count).toFixed(2)} MB), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const copy = await inChild({ kind: 'copy', images, out: join(root, 'copy') });
    const synced = await inChild({ kind: 'copy+fsync', images, out: join(root, 'copy-synced') });
    const zip = await inChild({ kind: 'zip', images, out: join(root, `${TRIGGER}_training.zip`) });
    const line = (label: string, r: JobResult) =>
      console.log(
        `${label}: ${(r.ms / 1000).toFixed(2)} s, ${(mb(r.bytes) / (r.ms / 1000)).toFixed(0)} MB/s, ` +
          `RSS idle ${r.idleRssMB.toFixed(0)} MB -> peak ${r.peakRssMB.toFixed(0)} MB (+${(r.peakRssMB - r.idleRssMB).toFixed(0)} MB)`,
      );
    line('baseline fs.copyFile -> folder (no fsync)', copy);
    line('baseline fs.copyFile + fsync per file', synced);
    line('exportZip (STORE, streamed to disk, fsync + rename)', zip);
    console.log(
      `ratio exportZip / copyFile time: ${(zip.ms / copy.ms).toFixed(2)}x; / copyFile+fsync: ${(zip.ms / synced.ms).toFixed(2)}x`,
    );
    const growth = zip.peakRssMB - zip.idleRssMB;
    console.log(
      `exportZip RSS growth / dataset size: ${((growth / totalMB) * 100).toFixed(1)}% (${growth.toFixed(0)} MB for ${totalMB.toFixed(0)} MB)`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child')) {
  process.once('message', async (job: Job) => {
    const result = await runJob(job);
    process.send?.(result, () => process.exit(0));
  });
} else {
  await main();
}
