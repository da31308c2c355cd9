import type { ImageEntry } from '../../../shared/dataset';
import { hasProblem, needsCaption } from './status';
import { type WrittenBy, writtenByOf } from './written-by';

export type GalleryFilter = 'all' | 'needs' | 'failed' | 'edited';

export const FILTERS: ReadonlyArray<{ id: GalleryFilter; label: string; empty: string }> = [
  { id: 'all', label: 'All', empty: 'This dataset has no images yet. Drop a folder or photos anywhere to add some.' },
  { id: 'needs', label: 'Needs caption', empty: 'Every included image has a valid caption. Ready to export.' },
  { id: 'failed', label: 'Failed', empty: 'Nothing failed. Images the model could not caption show up here.' },
  { id: 'edited', label: 'Edited', empty: 'No edits yet. Captions you change show up here.' },
];

/** The status filter and, when set, who wrote the caption (both must match). */
export function matchesFilter(
  image: ImageEntry,
  filter: GalleryFilter,
  trigger: string,
  writtenBy: WrittenBy | null = null,
): boolean {
  if (writtenBy !== null && writtenByOf(image) !== writtenBy) return false;
  switch (filter) {
    case 'all':
      return true;
    case 'needs':
      return needsCaption(image, trigger);
    case 'failed':
      return hasProblem(image);
    case 'edited':
      return image.status === 'edited';
  }
}

export type FilterCounts = Record<GalleryFilter, number>;

/** Counts for every filter in one pass (5,000 images: cheap enough to run on every change). */
export function filterCounts(images: ReadonlyArray<ImageEntry>, trigger: string): FilterCounts {
  const counts: FilterCounts = { all: images.length, needs: 0, failed: 0, edited: 0 };
  for (const img of images) {
    if (needsCaption(img, trigger)) counts.needs++;
    if (hasProblem(img)) counts.failed++;
    if (img.status === 'edited') counts.edited++;
  }
  return counts;
}
