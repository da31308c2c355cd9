import type { DatasetManifest } from '../../shared/dataset';
import type { DatasetSummary } from './types';

export function summarise(m: DatasetManifest): DatasetSummary {
  let captionedCount = 0;
  for (const img of m.images) if (img.status === 'captioned' || img.status === 'edited') captionedCount++;
  return {
    id: m.id,
    name: m.name,
    trigger: m.trigger,
    imageCount: m.images.length,
    captionedCount,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    broken: null,
  };
}

/** A dataset folder that cannot be read still appears, dated by its folder, so the user can see and remove it. */
export function brokenSummary(id: string, message: string, folderTime: string): DatasetSummary {
  return {
    id,
    name: id,
    trigger: '',
    imageCount: 0,
    captionedCount: 0,
    createdAt: folderTime,
    updatedAt: folderTime,
    broken: message,
  };
}

export function newestFirst(a: DatasetSummary, b: DatasetSummary): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Same set of roots regardless of order or duplicates. */
export function sameRoots(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((r) => sb.has(r));
}
