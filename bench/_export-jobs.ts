/**
 * The export benchmark's jobs. Each runs in a fresh child process (this file, forked with --child), so its peak
 * memory is its own. The baselines write exactly the bytes an export writes (every image and its caption):
 *   copy+fsync  fs.copyFile of each image, its caption written as a file, each file fsynced, then the folder:
 *               a plain durable copy, the reference both exports are measured against;
 *   cat+fsync   the same bytes appended to one file through a 1 MB buffer, fsynced once: the least work any ZIP
 *               writer can do, shown as a second reference for exportZip.
 */
import { fork, spawnSync } from 'node:child_process';
import { copyFile, mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportFolder, exportZip } from '../src/core/exporter';
import type { ImageEntry } from '../src/shared/dataset';
import { captionOf, TRIGGER } from './_export-dataset';

export const JOBS = ['copy+fsync', 'cat+fsync', 'exportZip', 'exportFolder'] as const;
export type JobKind = (typeof JOBS)[number];

export interface Job {
  kind: JobKind;
  images: ImageEntry[];
  out: string;
}

export interface JobResult {
  ms: number;
  /** CPU time of the whole process (all threads, user + system), which contention from other work inflates less. */
  cpuMs: number;
  /** RSS just before the job started, and the peak RSS during the job, in MB. */
  idleRssMB: number;
  peakRssMB: number;
}

const MB = 1024 * 1024;

/** Writes back every dirty page on the machine, so no job pays for data an earlier step left in the cache. */
export function settleDisk(): void {
  if (process.platform !== 'win32') spawnSync('sync');
}

/**
 * Peak RSS since the last resetPeakRss, in MB: Linux's VmHWM, which the kernel tracks exactly (sampling would
 * miss short spikes). Elsewhere getrusage's peak, which also counts the child's start-up.
 */
async function peakRssMB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const hwm = /VmHWM:\s+(\d+) kB/u.exec(status)?.[1];
  return (hwm ? Number(hwm) : process.resourceUsage().maxRSS) / 1024;
}

/** Sets VmHWM to the current RSS (Linux >= 4.0), so the peak measured belongs to the job, not to start-up. */
async function resetPeakRss(): Promise<void> {
  await writeFile('/proc/self/clear_refs', '5').catch(() => {});
}

async function fsyncPath(path: string, flags = 'r'): Promise<void> {
  const fh = await open(path, flags);
  await fh.sync();
  await fh.close();
}

async function copyWithFsync(images: ImageEntry[], dir: string): Promise<void> {
  await mkdir(dir);
  for (const image of images) {
    const dest = join(dir, `${image.exportName}.jpg`);
    await copyFile(image.source, dest);
    await fsyncPath(dest, 'r+');
    const caption = await open(join(dir, `${image.exportName}.txt`), 'wx');
    await caption.writeFile(captionOf(image));
    await caption.sync();
    await caption.close();
  }
  await fsyncPath(dir);
}

async function catWithFsync(images: ImageEntry[], path: string): Promise<void> {
  const out = await open(path, 'wx');
  const buffer = Buffer.allocUnsafe(MB);
  for (const image of images) {
    const src = await open(image.source, 'r');
    for (let n = 1; n > 0; ) {
      ({ bytesRead: n } = await src.read(buffer, 0, buffer.length));
      if (n > 0) await out.write(buffer, 0, n);
    }
    await src.close();
    await out.write(captionOf(image));
  }
  await out.sync();
  await out.close();
}

async function runJob({ kind, images, out }: Job): Promise<JobResult> {
  globalThis.gc?.();
  await resetPeakRss();
  const idleRssMB = process.memoryUsage.rss() / MB;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (kind === 'copy+fsync') await copyWithFsync(images, out);
  else if (kind === 'cat+fsync') await catWithFsync(images, out);
  else if (kind === 'exportZip') await exportZip({ images, trigger: TRIGGER, outPath: out });
  else await exportFolder({ images, trigger: TRIGGER, outDir: out });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, idleRssMB, peakRssMB: await peakRssMB() };
}

/** Runs `job` in a fresh child process and returns what it measured. */
export function inChild(job: Job): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--child'], { execArgv: [...process.execArgv, '--expose-gc'] });
    child.once('message', (m) => resolve(m as JobResult));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`${job.kind} child exited with ${code}`)));
    child.send(job);
  });
}

if (process.argv.includes('--child')) {
  process.once('message', async (job: Job) => {
    const result = await runJob(job);
    process.send?.(result, () => process.exit(0));
  });
}
