import { readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, sep } from 'node:path';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../fs';
import { planOrRefuse, throwIfCancelled, toExportError } from './export-errors';
import type { ExportItem, ExportOptions, ExportReport } from './types';

/** What one caption file went through, so a failure or cancel can put everything back as it was. */
interface Step {
  path: string;
  /** Where the earlier, different caption file was moved; null when there was none. */
  backup: string | null;
}

/**
 * The `beside` preset: `name.txt` next to each original (`IMG_1.jpg` -> `IMG_1.txt`), the layout most trainers
 * also read in place. Images are not copied. A caption file already there with the same text is left alone; a
 * different one is kept first as `name.txt.bak` (or `.bak2`, `.bak3`... when that exists: no backup is ever
 * overwritten). Each file is written atomically; a failure or cancel puts back every file as it was (the new
 * ones removed, the backups renamed back), so "nothing was written" stays true.
 */
export async function exportBeside(opts: ExportOptions): Promise<ExportReport> {
  const { signal } = opts;
  const plan = await planOrRefuse(opts.images, opts.trigger, opts.shaping);
  const targets = plan.items.map((item) => ({ item, path: captionBeside(item.image.source) }));
  refuseClashes(targets);
  const steps: Step[] = [];
  let bytes = 0;
  opts.onProgress?.({ done: 0, total: targets.length, bytes: 0 });
  try {
    for (const [i, { item, path }] of targets.entries()) {
      throwIfCancelled(signal);
      const caption = Buffer.from(item.image.caption ?? '', 'utf8');
      const existing = await readFile(path).catch(ifMissing(null));
      if (!existing?.equals(caption)) {
        // The earlier file is copied (durably) before the new one replaces it atomically: at every moment the
        // image has a caption file, and its earlier text is safe.
        const backup = existing ? await freeBackupName(path) : null;
        if (backup && existing) await writeFileAtomic(backup, existing);
        steps.push({ path, backup });
        await writeFileAtomic(path, caption);
        bytes += caption.length;
      }
      opts.onProgress?.({ done: i + 1, total: targets.length, bytes });
    }
    throwIfCancelled(signal);
  } catch (e) {
    await undo(steps);
    throw toExportError(e, dirname(targets[0]?.path ?? ''), signal);
  }
  return {
    ...{ preset: 'beside', target: 'beside', path: commonFolder(targets.map((t) => t.path)), images: targets.length },
    ...{ bytes, warnings: plan.warnings, converted: 0, copied: 0, resized: 0, locationRemoved: 0 },
    written: steps.map((s) => s.path),
    backups: steps.flatMap((s) => (s.backup ? [s.backup] : [])),
  };
}

/** `/photos/IMG_1.JPG` -> `/photos/IMG_1.txt`. */
function captionBeside(source: string): string {
  return join(dirname(source), `${basename(source, extname(source))}.txt`);
}

/** Two images that would share a caption file (`a.jpg` and `a.png`, or `A.jpg` and `a.jpg`): refused by name. */
function refuseClashes(targets: ReadonlyArray<{ item: ExportItem; path: string }>): void {
  const seen = new Map<string, ExportItem>();
  const clashes: string[] = [];
  for (const { item, path } of targets) {
    const key = path.toLowerCase();
    const first = seen.get(key);
    if (first) clashes.push(`${first.image.relPath} and ${item.image.relPath}`);
    else seen.set(key, item);
  }
  if (clashes.length > 0) {
    throw new AppError(
      'validation',
      `These images would share one caption file next to them: ${clashes.slice(0, 10).join('; ')}. ` +
        'Rename one of each pair, exclude it, or export to a folder instead.',
    );
  }
}

async function freeBackupName(path: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = `${path}.bak${n === 1 ? '' : n}`;
    if (!(await stat(candidate).catch(ifMissing(null)))) return candidate;
  }
}

async function undo(steps: ReadonlyArray<Step>): Promise<void> {
  for (const step of [...steps].reverse()) {
    if (step.backup) await rename(step.backup, step.path).catch(() => {});
    else await rm(step.path, { force: true }).catch(() => {});
  }
}

function ifMissing<T>(value: T) {
  return (e: NodeJS.ErrnoException): T => {
    if (e.code === 'ENOENT') return value;
    throw e;
  };
}

/** The deepest folder holding every path (where the report's "Show in folder" goes). */
function commonFolder(paths: ReadonlyArray<string>): string {
  const parts = paths.map((p) => dirname(p).split(sep));
  const first = parts[0] ?? [];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}
