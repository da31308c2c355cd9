import { useVirtualizer } from '@tanstack/react-virtual';
import { type MouseEvent, useCallback, useEffect, useRef } from 'react';
import { goTo } from '../actions/navigation';
import { useElementWidth } from '../hooks/useElementWidth';
import { FILTERS } from '../lib/filters';
import { gridLayout, rowCount } from '../lib/grid';
import { displayStatus } from '../lib/status';
import { useUi } from '../stores/ui';
import { visibleImagesOf } from '../stores/visible';
import { useWorkspace } from '../stores/workspace';
import { GalleryItem } from './GalleryItem';
import { Icon } from './Icon';

const MIN_TILE = 148;
const GAP = 12;
const PAD = 16;

/**
 * The thumbnail grid, virtualised by rows: only the rows on screen (plus a few) exist in the DOM, every row has
 * the same fixed height, so 5,000 images scroll smoothly and nothing jumps while thumbnails load.
 */
export function Gallery() {
  const dataset = useWorkspace((s) => s.dataset);
  const visible = useWorkspace(visibleImagesOf);
  const filter = useWorkspace((s) => s.filter);
  const writtenBy = useWorkspace((s) => s.writtenBy);
  const searching = useWorkspace((s) => s.search.terms.length > 0);
  const currentId = useWorkspace((s) => s.currentId);
  const selected = useWorkspace((s) => s.selected);
  const transient = useWorkspace((s) => s.transient);
  const setColumns = useWorkspace((s) => s.setColumns);
  const focusTick = useUi((s) => s.focusGalleryTick);

  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const layout = gridLayout(width - PAD * 2, MIN_TILE, GAP);
  useEffect(() => setColumns(layout.columns), [layout.columns, setColumns]);

  const virtualizer = useVirtualizer({
    count: rowCount(visible.length, layout.columns),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.rowHeight,
    paddingStart: PAD,
    paddingEnd: PAD,
    overscan: 3,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure exactly when the row height changes.
  useEffect(() => virtualizer.measure(), [layout.rowHeight, virtualizer]);

  // Keep the current image in view when it changes (keyboard navigation, "jump to" from a list).
  const currentIndex = currentId === null ? -1 : visible.findIndex((i) => i.id === currentId);
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(Math.floor(currentIndex / layout.columns), { align: 'auto' });
  }, [currentIndex, layout.columns, virtualizer]);

  // Only a tile in the DOM can be the active descendant (the gallery is virtualised: scrolled away, it is not).
  const currentRow = currentIndex >= 0 ? Math.floor(currentIndex / layout.columns) : -1;
  const currentRendered = virtualizer.getVirtualItems().some((row) => row.index === currentRow);

  useEffect(() => {
    if (focusTick > 0) scrollRef.current?.focus({ preventScroll: true });
  }, [focusTick]);

  const lastPick = useRef<string | null>(null);
  const onPick = useCallback((id: string, e: MouseEvent) => {
    // The second click of a double-click can land on another tile when the first reshaped the list (a fixed image
    // leaving the "Needs caption" filter): it belongs to the first tile, which the double-click then opens.
    if (e.detail >= 2 && lastPick.current !== null && lastPick.current !== id) return;
    lastPick.current = id;
    goTo(id, e.shiftKey ? 'range' : e.metaKey || e.ctrlKey ? 'toggle' : 'replace');
    scrollRef.current?.focus({ preventScroll: true });
  }, []);
  const onOpen = useCallback(() => useUi.getState().focusCaption(), []);

  if (!dataset) return null;
  const empty = searching
    ? 'No image matches this search (with the filters above). Press Escape in the search box to clear it.'
    : writtenBy === null
      ? (FILTERS.find((f) => f.id === filter)?.empty ?? '')
      : 'No image matches both filters. Choose “Anyone” under “Written by” to see the others.';

  return (
    <div
      ref={scrollRef}
      className="gallery-scroll"
      role="listbox"
      aria-label="Images"
      aria-multiselectable="true"
      aria-activedescendant={currentRendered ? `img-${currentId}` : undefined}
      tabIndex={0}
      data-shortcuts="gallery"
    >
      {visible.length === 0 ? (
        <div className="empty-state gallery-empty">
          <Icon
            name={searching ? 'search' : filter === 'all' && writtenBy === null ? 'upload' : 'check-circle'}
            size={28}
          />
          <span className="muted">{empty}</span>
        </div>
      ) : (
        <div className="gallery-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const start = row.index * layout.columns;
            return (
              <div
                key={row.key}
                role="presentation"
                className="gallery-row"
                style={{
                  transform: `translateY(${row.start}px)`,
                  gridTemplateColumns: `repeat(${layout.columns}, ${layout.tile}px)`,
                  gridAutoRows: `${layout.rowHeight - GAP}px`,
                  columnGap: GAP,
                  left: PAD,
                }}
              >
                {visible.slice(start, start + layout.columns).map((img, i) => (
                  <GalleryItem
                    key={img.id}
                    datasetId={dataset.id}
                    image={img}
                    status={displayStatus(img, transient[img.id])}
                    selected={selected.has(img.id)}
                    current={img.id === currentId}
                    position={start + i + 1}
                    setSize={visible.length}
                    onPick={onPick}
                    onOpen={onOpen}
                  />
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
