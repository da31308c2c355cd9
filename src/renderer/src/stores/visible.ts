import type { ImageEntry } from '../../../shared/dataset';
import type { GalleryFilter } from '../lib/filters';
import { type GallerySort, sortImages } from '../lib/gallery-sort';
import { type GalleryView, keepVisible, matchingImages } from '../lib/gallery-view';
import { memoLast } from '../lib/memo-last';
import type { TokenCount } from '../lib/search-match';
import type { SearchQuery } from '../lib/search-query';
import type { WrittenBy } from '../lib/written-by';

/**
 * What the gallery shows, derived from the workspace store: asked for by the gallery, the editor, the filter bar,
 * navigation and the bulk actions on every store change, so each step is remembered.
 */

/** The parts of the workspace store the view is made of. */
export interface ViewState extends GalleryView {
  images: ReadonlyArray<ImageEntry>;
  index: ReadonlyMap<string, number>;
  dataset: { trigger: string } | null;
  currentId: string | null;
  tokens: TokenCount;
}

/** The view as one object, the same object while its parts stay the same (so the steps below can remember). */
const viewOf = (s: GalleryView) => viewMemo(s.filter, s.writtenBy, s.search, s.sort);
const viewMemo = memoLast(
  (filter: GalleryFilter, writtenBy: WrittenBy | null, search: SearchQuery, sort: GallerySort): GalleryView => ({
    filter,
    writtenBy,
    search,
    sort,
  }),
);
const sortedMemo = memoLast(sortImages);
const matchingMemo = memoLast(matchingImages);
const keptMemo = memoLast(keepVisible);

/**
 * The images the gallery shows now (filter, author and search applied, in the chosen order, the image being edited
 * kept), in order. Every step is remembered, so the many components asking on each store change share one answer
 * and moving to another image does not filter 5,000 images again.
 */
export function visibleImagesOf(s: ViewState): ReadonlyArray<ImageEntry> {
  const view = viewOf(s);
  const sorted = sortedMemo(s.images, view.sort);
  const matching = matchingMemo(sorted, view, s.dataset?.trigger ?? '', s.tokens);
  return keptMemo(sorted, matching, s.currentId === null ? undefined : s.images[s.index.get(s.currentId) ?? -1]);
}

const idsMemo = memoLast((images: ReadonlyArray<ImageEntry>) => images.map((img) => img.id));

/** The ids the gallery shows now, in order. */
export function visibleIds(s: ViewState): string[] {
  return idsMemo(visibleImagesOf(s));
}
