/**
 * What removing GPS tags costs an export: exportZip and exportFolder of phone photos (noisy ~0.8 MB JPEGs with
 * EXIF and GPS, all copied byte for byte) with the location removed (the default: each file's header is read and
 * its GPS block blanked in place) against the same export keeping it (a plain copy, the baseline), in this run.
 * Each round runs the four jobs in a rotated order; prints the median wall and CPU time per job and the ratio of
 * each default export to its baseline (time kept / time removed: 1 = free, 0.9 = 10% slower), median and range
 * over rounds. CPU time (this process, all threads) is what the GPS work adds; wall time on a shared machine is
 * mostly the disk's fsyncs and swings widely.
 * Usage: npx tsx bench/export-location.ts [--size 200M] [--rounds 5]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportFolder, exportZip } from '../src/core/exporter';
import { makeDataset, TRIGGER } from './_export-dataset';

const { values } = parseArgs({ options: { size: { type: 'string' }, rounds: { type: 'string' } }, strict: false });
const MB = 1024 * 1024;
const size = Number.parseInt(String(values.size ?? '200'), 10) * MB;
const rounds = Number.parseInt(String(values.rounds ?? '5'), 10);

const root = await mkdtemp(join(tmpdir(), 'bench-location-'));
const images = await makeDataset(join(root, 'photos'), size, true);
type Job = 'zip kept' | 'zip removed' | 'folder kept' | 'folder removed';
const JOBS: Job[] = ['zip kept', 'zip removed', 'folder kept', 'folder removed'];
const times: Record<Job, number[]> = { 'zip kept': [], 'zip removed': [], 'folder kept': [], 'folder removed': [] };
const cpu: Record<Job, number[]> = { 'zip kept': [], 'zip removed': [], 'folder kept': [], 'folder removed': [] };
let removed = 0;

async function run(job: Job, n: number): Promise<[number, number]> {
  const shaping = { resizeLongSide: null, keepLocation: job.endsWith('kept') };
  const out = join(root, `out-${n}-${job.replace(' ', '-')}`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = job.startsWith('zip')
    ? await exportZip({ images, trigger: TRIGGER, shaping, outPath: `${out}.zip` })
    : await exportFolder({ images, trigger: TRIGGER, shaping, outDir: out });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpuBefore);
  if (!shaping.keepLocation) removed = report.locationRemoved;
  await rm(job.startsWith('zip') ? `${out}.zip` : out, { recursive: true, force: true });
  return [ms, (used.user + used.system) / 1000];
}

for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < JOBS.length; k++) {
    const job = JOBS[(r + k) % JOBS.length] as Job;
    const [ms, cpuMs] = await run(job, r);
    times[job].push(ms);
    cpu[job].push(cpuMs);
  }
}
await rm(root, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ratios = (of: Record<Job, number[]>, kept: Job, stripped: Job) =>
  of[kept].map((t, i) => t / (of[stripped][i] ?? Number.NaN));
const fmt = (xs: number[]) => `${median(xs).toFixed(2)}x (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`;
console.log(
  `${images.length} JPEGs with GPS, ${(size / MB).toFixed(0)} MB; ${rounds} rounds; GPS removed from ${removed}`,
);
for (const job of JOBS) {
  console.log(
    `${job.padEnd(15)} wall ${(median(times[job]) / 1000).toFixed(2)} s, CPU ${(median(cpu[job]) / 1000).toFixed(2)} s (medians)`,
  );
}
for (const [name, kept, stripped] of [
  ['exportZip   ', 'zip kept', 'zip removed'],
  ['exportFolder', 'folder kept', 'folder removed'],
] as const) {
  console.log(
    `${name} location removed vs kept: wall ${fmt(ratios(times, kept, stripped))}, CPU ${fmt(ratios(cpu, kept, stripped))}`,
  );
}
