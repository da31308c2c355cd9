/**
 * Export throughput and memory: exportZip and exportFolder against a plain durable copy of the same bytes
 * (bench/_export-jobs.ts describes the baselines). For each dataset size it generates noisy ~0.8 MB JPEGs with
 * captions (all exported as byte copies), warms the page cache, then runs every job `--rounds` times, each in a
 * fresh child process, with the disk settled (`sync`) before each job and the job order rotated every round.
 * Prints per job the median time and range, MB/s, the throughput ratio against each baseline (computed within
 * each round, median and range), the median CPU time (all threads; less swayed by other work on the machine than
 * wall time) and the peak RSS growth over the job's idle RSS, then a summary across the sizes:
 * each export against the baseline that writes what it writes (exportZip: cat+fsync, one file; exportFolder:
 * copy+fsync, the same files), and whether memory stays flat as the dataset grows.
 * Usage: npx tsx bench/export.ts [--sizes 100M,1G | --large] [--rounds 3]
 *   --sizes   dataset sizes, with K/M/G suffixes (powers of 1024), e.g. --sizes 100M,5G; needs about twice the
 *             largest size free on the temp folder's disk (the dataset plus one job's output)
 *   --large   the same as --sizes 100M,5G
 *   --rounds  runs of each job per size (default 3)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { datasetBytes, makeDataset } from './_export-dataset';
import { inChild, JOBS, type JobKind, type JobResult, settleDisk } from './_export-jobs';

/** Each export against the baseline that writes what it writes: one file for the ZIP, the same files for the folder. */
const REFERENCE: Partial<Record<JobKind, JobKind>> = { exportZip: 'cat+fsync', exportFolder: 'copy+fsync' };
const BASELINES: JobKind[] = ['copy+fsync', 'cat+fsync'];
const MB = 1024 * 1024;

interface SizeResult {
  label: string;
  results: Record<JobKind, JobResult[]>;
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([KMG]?)$/iu.exec(text.trim());
  if (!m) throw new Error(`--sizes: cannot read "${text}" (try 100M or 5G)`);
  const power = ' KMG'.indexOf((m[2] || ' ').toUpperCase());
  return Math.round(Number(m[1]) * 1024 ** power);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return ((s[Math.floor(mid)] ?? Number.NaN) + (s[Math.ceil(mid)] ?? Number.NaN)) / 2;
}

const range = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)}`;

/** Throughput of `kind` over that of `baseline` (baseline time / job time), per round: 1 = as fast. */
function ratios(results: Record<JobKind, JobResult[]>, kind: JobKind, baseline: JobKind): number[] {
  return results[kind].map((r, i) => (results[baseline][i]?.ms ?? Number.NaN) / r.ms);
}

const ratioText = (r: number[]) => `${median(r).toFixed(2)}x (${range(r, 2)})`;

const growth = (rs: JobResult[]) => Math.max(...rs.map((r) => r.peakRssMB - r.idleRssMB));

async function benchSize(label: string, size: number, rounds: number): Promise<SizeResult> {
  const root = await mkdtemp(join(tmpdir(), 'bench-export-'));
  try {
    const t0 = performance.now();
    const images = await makeDataset(join(root, 'photos'), size);
    const bytes = datasetBytes(images);
    for (const image of images) await readFile(image.source); // the page cache holds the sources for every job
    settleDisk();
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `\n== ${label}: ${images.length} JPEGs + captions, ${(bytes / MB).toFixed(0)} MB ` +
        `(avg ${(bytes / MB / images.length).toFixed(2)} MB), set up in ${seconds} s; ${rounds} rounds`,
    );
    const results = Object.fromEntries(JOBS.map((k) => [k, [] as JobResult[]])) as Record<JobKind, JobResult[]>;
    for (let round = 0; round < rounds; round++) {
      for (let j = 0; j < JOBS.length; j++) {
        const kind = JOBS[(round + j) % JOBS.length] as JobKind;
        const out = join(root, `out-${kind}`);
        settleDisk();
        results[kind].push(await inChild({ kind, images, out }));
        await rm(out, { recursive: true, force: true });
      }
    }
    printTable(results, bytes);
    return { label, results };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function printTable(results: Record<JobKind, JobResult[]>, bytes: number): void {
  console.log(
    'job            time s: median (range)   MB/s   vs copy+fsync      vs cat+fsync       CPU s   peak RSS growth',
  );
  for (const kind of JOBS) {
    const seconds = results[kind].map((r) => r.ms / 1000);
    console.log(
      `${kind.padEnd(14)} ${median(seconds).toFixed(2).padStart(6)} (${range(seconds, 2)})`.padEnd(40) +
        `${(bytes / MB / median(seconds)).toFixed(0).padStart(5)}   ` +
        BASELINES.map((b) => ratioText(ratios(results, kind, b)).padEnd(19)).join('') +
        `${(median(results[kind].map((r) => r.cpuMs)) / 1000).toFixed(2).padStart(5)}   ` +
        `+${growth(results[kind]).toFixed(0)} MB`,
    );
  }
}

function printSummary(sizes: SizeResult[]): void {
  console.log(
    '\nsummary: throughput vs the baseline writing the same output, median (range); peak RSS growth, worst round',
  );
  for (const { label, results } of sizes) {
    const parts = Object.entries(REFERENCE).map(([kind, baseline]) => {
      const r = ratios(results, kind as JobKind, baseline);
      return `${kind} ${ratioText(r)} of ${baseline}, +${growth(results[kind as JobKind]).toFixed(0)} MB`;
    });
    console.log(`${label.padEnd(6)} ${parts.join('   ')}`);
  }
}

const { values } = parseArgs({
  options: { sizes: { type: 'string' }, large: { type: 'boolean' }, rounds: { type: 'string', default: '3' } },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number >= 1');
const labels = (values.sizes ?? (values.large ? '100M,5G' : '100M,1G')).split(',').map((s) => s.trim());
const summaries: SizeResult[] = [];
for (const label of labels) summaries.push(await benchSize(label, parseSize(label), rounds));
printSummary(summaries);
