import type { ImageEntry } from '../../../shared/dataset';
import { type GalleryFilter, matchesFilter } from './filters';
import { DEFAULT_SORT, type GallerySort } from './gallery-sort';
import { matchesQuery, type TokenCount } from './search-match';
import { EMPTY_QUERY, type SearchQuery } from './search-query';
import type { WrittenBy } from './written-by';

/** What the gallery shows: the status filter, who wrote the caption, the search, and the order. */
export interface GalleryView {
  filter: GalleryFilter;
  writtenBy: WrittenBy | null;
  search: SearchQuery;
  sort: GallerySort;
}

export const DEFAULT_VIEW: GalleryView = { filter: 'all', writtenBy: null, search: EMPTY_QUERY, sort: DEFAULT_SORT };

/** Whether the view hides anything (a filter, an author or a search term), as opposed to only ordering. */
export function narrows(view: GalleryView): boolean {
  return view.filter !== 'all' || view.writtenBy !== null || view.search.terms.length > 0;
}

export function inView(image: ImageEntry, view: GalleryView, trigger: string, tokens: TokenCount): boolean {
  return matchesFilter(image, view.filter, trigger, view.writtenBy) && matchesQuery(image, view.search, tokens);
}

/** The images in view, in order (no image kept for the editor yet). */
export function matchingImages(
  sorted: ReadonlyArray<ImageEntry>,
  view: GalleryView,
  trigger: string,
  tokens: TokenCount,
): ReadonlyArray<ImageEntry> {
  return narrows(view) ? sorted.filter((img) => inView(img, view, trigger, tokens)) : sorted;
}

/**
 * The image being edited stays visible even when it stops matching (a caption fixed under "Needs caption" must
 * not vanish under the cursor), in its place in the order; it leaves the list once the user moves on.
 */
export function keepVisible(
  sorted: ReadonlyArray<ImageEntry>,
  matching: ReadonlyArray<ImageEntry>,
  keep: ImageEntry | undefined,
): ReadonlyArray<ImageEntry> {
  if (keep === undefined || matching === sorted) return matching;
  const shown = new Set(matching);
  if (shown.has(keep)) return matching;
  return sorted.filter((img) => img === keep || shown.has(img));
}
