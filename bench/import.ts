/**
 * Import throughput and memory. Generates N 12-megapixel noisy JPEGs (4000 × 3000, ~4 MB each, every fourth
 * one with EXIF orientation 6), then measures, each in a fresh child process so peak RSS belongs to one job:
 *   (a) importPaths over N files (thumbnails on all cores), (b) the same over 2N files, to show memory does not
 *   grow with the file count, and (c) a baseline of plain sequential sharp thumbnailing of the N files.
 * Usage: npx tsx bench/import.ts [--count N] [--unique U]
 *   --count N   images in the (a)/(c) runs (default 24; the (b) run imports 2N)
 *   --unique U  distinct images generated; the rest are hard links to them (default min(N, 24)), which keeps
 *               generation fast for runs like --count 2000 while every file is still decoded on its own.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { importPaths } from '../src/core/importer';

const W = 4000;
const H = 3000;
const FIXTURE_BOMB = '/work/shared/fixtures/dropped-folder/studio/pixel-bomb.png';

interface ChildResult {
  images: number;
  ms: number;
  maxRssMB: number;
  /** RSS samples (MB) over the run, to show it plateaus. */
  samples: number[];
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * This process's own peak RSS. On Linux getrusage's maxRSS survives exec, so a child would report its parent's
 * peak (the image generation); VmHWM is per address space and starts afresh in the child.
 */
async function peakRssMB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return Math.round((hwm ? Number(hwm) : process.resourceUsage().maxRSS) / 1024);
}

/** A smooth random "scene" plus film-grain noise: compresses like a real photo (3-5 MB at quality 90). */
async function noisyBase(): Promise<Buffer> {
  const scene = await sharp(randomBytes(16 * 12 * 3), { raw: { width: 16, height: 12, channels: 3 } })
    .resize(W, H, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const noise = await sharp({
    create: { width: W, height: H, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 18 } },
  })
    .raw()
    .toBuffer();
  for (let i = 0; i < scene.length; i++)
    scene[i] = Math.max(0, Math.min(255, (scene[i] ?? 0) + (noise[i] ?? 128) - 128));
  return scene;
}

async function generate(dir: string, count: number, unique: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const base = await noisyBase();
  const jitter = () => 0.8 + Math.random() * 0.4;
  const names = Array.from({ length: count }, (_, i) => join(dir, `IMG_${String(i).padStart(5, '0')}.jpg`));
  const makeOne = (i: number) =>
    sharp(base, { raw: { width: W, height: H, channels: 3 } })
      .linear([jitter(), jitter(), jitter()], [Math.random() * 20, 0, 0])
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: i % 4 === 3 ? 6 : 1 })
      .toFile(names[i] as string);
  for (let i = 0; i < unique; i += availableParallelism()) {
    await Promise.all(Array.from({ length: Math.min(availableParallelism(), unique - i) }, (_, k) => makeOne(i + k)));
  }
  for (let i = unique; i < count; i++) {
    const from = names[i % unique] as string;
    await link(from, names[i] as string).catch(() => copyFile(from, names[i] as string));
  }
}

/** Runs inside a child process: one measured job, result printed as JSON on the last line. */
async function child(mode: string, dirs: string[], out: string): Promise<void> {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(mb(process.memoryUsage().rss)), 50);
  const start = performance.now();
  let images = 0;
  if (mode === 'import') {
    images = (await importPaths(dirs, { thumbsDir: out })).images.length;
  } else {
    await mkdir(out, { recursive: true });
    for (const dir of dirs) {
      for (const name of (await readdir(dir)).sort()) {
        await sharp(join(dir, name)).rotate().resize(400, 400, { fit: 'inside' }).jpeg().toFile(join(out, name));
        images++;
      }
    }
  }
  const ms = performance.now() - start;
  clearInterval(timer);
  const result: ChildResult = { images, ms, maxRssMB: await peakRssMB(), samples };
  console.log(JSON.stringify(result));
}

function runChild(mode: string, dirs: string[], out: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = fork(import.meta.filename, ['--child', mode, '--out', out, ...dirs], { stdio: 'pipe' });
    let stdout = '';
    proc.stdout?.on('data', (d) => {
      stdout += d;
    });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0) resolve(JSON.parse(last) as ChildResult);
      else reject(new Error(`child ${mode} exited with ${code}: ${stdout}`));
    });
  });
}

/** How much the header-only probe costs for a 20000 × 20000 PNG bomb (it must not decode it). */
async function bombProbe(dir: string): Promise<string> {
  const before = process.resourceUsage().maxRSS;
  const start = performance.now();
  const { skipped } = await importPaths([FIXTURE_BOMB], { thumbsDir: join(dir, 'bomb-thumbs') });
  const ms = performance.now() - start;
  const grewMB = Math.round((process.resourceUsage().maxRSS - before) / 1024);
  return `pixel bomb 20000x20000: ${skipped[0]?.reason} in ${ms.toFixed(0)} ms, peak RSS grew ${grewMB} MB (decoding would need ~400 MB+)`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      count: { type: 'string' },
      unique: { type: 'string' },
      child: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.child) return child(values.child, positionals, values.out ?? '');

  const n = Number(values.count ?? 24);
  const unique = Math.min(n, Number(values.unique ?? 24));
  const root = await mkdtemp(join(tmpdir(), 'bench-import-'));
  try {
    let t = performance.now();
    await generate(join(root, 'a'), n, unique);
    await generate(join(root, 'b'), n, unique);
    const gen = ((performance.now() - t) / 1000).toFixed(1);
    console.log(
      `generated 2 × ${n} JPEGs 4000x3000 (${unique} distinct each) in ${gen} s; cores=${availableParallelism()}`,
    );

    t = performance.now();
    const imp = await runChild('import', [join(root, 'a')], join(root, 't1'));
    const imp2 = await runChild('import', [join(root, 'a'), join(root, 'b')], join(root, 't2'));
    const base = await runChild('baseline', [join(root, 'a')], join(root, 't3'));
    const rate = (r: ChildResult) => r.images / (r.ms / 1000);
    const line = (label: string, r: ChildResult) =>
      `${label}: ${r.images} images in ${(r.ms / 1000).toFixed(2)} s = ${rate(r).toFixed(2)} images/s, peak RSS ${r.maxRssMB} MB`;
    console.log(line('importPaths (parallel)   ', imp));
    console.log(line('baseline sharp sequential', base));
    console.log(`ratio importPaths / baseline: ${(rate(imp) / rate(base)).toFixed(2)}x`);
    console.log(line(`importPaths 2N           `, imp2));
    const half = imp2.samples.slice(0, Math.ceil(imp2.samples.length / 2));
    const late = imp2.samples.slice(Math.ceil(imp2.samples.length / 2));
    console.log(
      `memory vs N: peak RSS ${imp.maxRssMB} MB for N=${n} vs ${imp2.maxRssMB} MB for 2N=${2 * n} ` +
        `(ratio ${(imp2.maxRssMB / imp.maxRssMB).toFixed(2)}); 2N run RSS max first half ${Math.max(...half)} MB, ` +
        `second half ${Math.max(...late, 0)} MB`,
    );
    console.log(await bombProbe(root));
    console.log(`(children measured in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
