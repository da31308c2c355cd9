import { stat } from 'node:fs/promises';
import { captionError } from '../../shared/caption';
import type { ImageEntry } from '../../shared/dataset';
import { assignExportNames, nameKey, sanitiseName } from './naming';
import {
  DEFAULT_SHAPING,
  type ExportItem,
  type ExportMode,
  type ExportPlan,
  type ExportProblem,
  type ImageShaping,
} from './types';

/** Stat calls in flight at once while checking sources (cheap, but 2,000 at once would exhaust handles). */
const STAT_CONCURRENCY = 16;

/**
 * JPEG and PNG ship as they are unless EXIF says to rotate them (not every trainer applies EXIF, so upright
 * pixels are safest) or they are bigger than the resize option allows. Everything else becomes JPEG, or PNG when
 * it has transparency (JPEG has no alpha).
 */
export function exportModeFor(
  image: Pick<ImageEntry, 'format' | 'orientation' | 'hasAlpha'>,
  resize: number | null = null,
): ExportMode {
  if (image.format === 'jpeg' || image.format === 'png') {
    return image.orientation === 1 && resize === null ? 'copy' : 'reencode';
  }
  return image.hasAlpha ? 'to-png' : 'to-jpeg';
}

/** The long side to scale `image` down to, or null when it is already small enough (never scaled up). */
function resizeFor(image: Pick<ImageEntry, 'width' | 'height'>, longSide: number | null): number | null {
  return longSide !== null && Math.max(image.width, image.height) > longSide ? longSide : null;
}

function extensionFor(image: ImageEntry, mode: ExportMode): '.jpg' | '.png' {
  if (mode === 'to-png') return '.png';
  if (mode === 'to-jpeg') return '.jpg';
  return image.format === 'png' ? '.png' : '.jpg';
}

/** A plan whose problems are split by cause, so a refusal can explain each group in one sentence. */
export interface DetailedPlan extends ExportPlan {
  captionErrors: ExportProblem[];
  sourceErrors: ExportProblem[];
  warnings: ExportProblem[];
}

/** What the export of `images` would write, and what stands in its way (checks captions and source files). */
export async function planExport(
  images: ReadonlyArray<ImageEntry>,
  trigger: string,
  shaping: ImageShaping = DEFAULT_SHAPING,
): Promise<ExportPlan> {
  const { items, problems } = await planExportDetailed(images, trigger, shaping);
  return { items, problems };
}

export async function planExportDetailed(
  images: ReadonlyArray<ImageEntry>,
  trigger: string,
  shaping: ImageShaping = DEFAULT_SHAPING,
): Promise<DetailedPlan> {
  const included = images.filter((i) => !i.excluded);
  const names = safeExportNames(included);
  const captionErrors: ExportProblem[] = [];
  const sourceErrors: ExportProblem[] = [];
  const warnings: ExportProblem[] = [];
  const sourceChecks = await mapLimit(included, STAT_CONCURRENCY, checkSource);
  const items: ExportItem[] = [];

  included.forEach((image, i) => {
    const exportName = names.get(image.id) ?? image.exportName;
    const problem = (severity: ExportProblem['severity'], message: string): ExportProblem => ({
      imageId: image.id,
      relPath: image.relPath,
      exportName,
      severity,
      message,
    });
    const captionMsg = captionError(image.caption, trigger);
    if (captionMsg) captionErrors.push(problem('error', captionMsg));
    const source = sourceChecks[i];
    if (source?.severity === 'error') sourceErrors.push(problem('error', source.message));
    if (source?.severity === 'warning') warnings.push(problem('warning', source.message));
    if (captionMsg || source?.severity === 'error') return;
    const resize = resizeFor(image, shaping.resizeLongSide);
    const mode = exportModeFor(image, resize);
    const ext = extensionFor(image, mode);
    const stripLocation = !shaping.keepLocation;
    items.push({
      image,
      fileName: `${exportName}${ext}`,
      captionName: `${exportName}.txt`,
      mode,
      resize,
      stripLocation,
    });
  });

  return { items, problems: [...captionErrors, ...sourceErrors, ...warnings], captionErrors, sourceErrors, warnings };
}

type SourceCheck = { severity: 'error' | 'warning'; message: string } | null;

/** The source must still exist; a changed one is exported anyway (its caption may still fit) with a warning. */
async function checkSource(image: ImageEntry): Promise<SourceCheck> {
  try {
    const s = await stat(image.source);
    if (!s.isFile()) return { severity: 'error', message: 'The original is no longer a file.' };
    // 1 ms tolerance: some file systems and JSON round trips keep mtime at a coarser precision.
    if (s.size !== image.bytes || Math.abs(s.mtimeMs - image.mtimeMs) >= 1) {
      return {
        severity: 'warning',
        message: 'The original file changed since it was imported; it was exported as it is now. Check its caption.',
      };
    }
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { severity: 'error', message: 'The original file is missing (moved, renamed or deleted).' };
    }
    return { severity: 'error', message: `The original file cannot be read (${code ?? 'unknown error'}).` };
  }
}

/**
 * Export names come from the importer and are unique already; this guards against a hand-edited or merged
 * manifest. Names that are unsafe or clash case-insensitively with an earlier one (relPath order) get a fresh
 * name from the same naming rule, so the ZIP never holds two files that a case-insensitive disk would merge.
 */
function safeExportNames(images: ReadonlyArray<ImageEntry>): Map<string, string> {
  const ordered = [...images].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  const seen = new Set<string>();
  const keep: string[] = [];
  const redo: ImageEntry[] = [];
  for (const image of ordered) {
    const key = nameKey(image.exportName);
    if (sanitiseName(image.exportName) !== image.exportName || seen.has(key)) {
      redo.push(image);
      continue;
    }
    seen.add(key);
    keep.push(image.exportName);
  }
  const names = assignExportNames(keep, redo);
  for (const image of ordered) if (!names.has(image.id)) names.set(image.id, image.exportName);
  return names;
}

async function mapLimit<T, R>(list: ReadonlyArray<T>, limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      out[i] = await fn(list[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  return out;
}
