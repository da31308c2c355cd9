import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DatasetManifest, ImageEntry, SkippedFile } from '../../shared/dataset';
import { normaliseCaption } from '../../shared/normalise';
import type { DatasetStore } from '../datasets';
import { assignExportNames } from '../exporter';
import { type ImportedImage, type ImportProgress, importPaths } from '../importer';

export interface ImportIntoDatasetResult {
  manifest: DatasetManifest;
  added: ImageEntry[];
  skipped: SkippedFile[];
}

/**
 * Imports dropped paths into a dataset: new files are probed and thumbnailed, files already in the dataset are
 * left exactly as they are (captions, edits, status), and the skipped list reflects this latest scan.
 */
export async function importIntoDataset(
  store: DatasetStore,
  datasetId: string,
  paths: string[],
  opts: { signal?: AbortSignal; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportIntoDatasetResult> {
  const absolute = paths.map((p) => resolve(p));
  const before = await store.load(datasetId);
  const result = await importPaths(absolute, {
    thumbsDir: store.thumbsDir(datasetId),
    knownSources: await knownSources(before.images),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });

  // Merge inside the dataset's write queue: captions that landed while the import ran must not be overwritten.
  let added: ImageEntry[] = [];
  const manifest = await store.modify(datasetId, (current) => {
    const known = new Set(current.images.map((i) => i.source));
    const fresh = result.images.filter((i) => !known.has(i.source));
    const names = assignExportNames(
      current.images.map((i) => i.exportName),
      fresh.map((i) => ({ id: i.id, relPath: i.relPath })),
    );
    added = fresh.map((img) => toEntry(img, names.get(img.id) ?? img.id, current.trigger));
    const roots = [...current.roots];
    for (const p of absolute) if (!roots.includes(p)) roots.push(p);
    const rescanned = new Set(result.skipped.map((s) => s.path));
    return {
      ...current,
      roots,
      images: [...current.images, ...added].sort((a, b) => compare(a.relPath, b.relPath)),
      // Keep earlier reports for paths this scan did not cover; replace the ones it did.
      skipped: [...current.skipped.filter((s) => !rescanned.has(s.path)), ...result.skipped],
    };
  });
  return { manifest, added, skipped: result.skipped };
}

/** Every stored source path plus its real path, so the same folder dropped again via a link adds nothing. */
async function knownSources(images: readonly ImageEntry[]): Promise<Set<string>> {
  const real = await Promise.all(images.map((i) => realpath(i.source).catch(() => i.source)));
  return new Set([...images.map((i) => i.source), ...real]);
}

function toEntry(img: ImportedImage, exportName: string, trigger: string): ImageEntry {
  const { sidecarCaption, ...rest } = img;
  const caption = sidecarCaption === null ? null : normaliseCaption(sidecarCaption, trigger);
  return {
    ...rest,
    exportName,
    caption,
    captionSource: caption === null ? null : 'imported',
    status: caption === null ? 'new' : 'captioned',
    error: null,
    excluded: false,
    model: null,
    provider: null,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
