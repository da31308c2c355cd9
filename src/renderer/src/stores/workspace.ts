import { create } from 'zustand';
import type { DatasetManifest, DatasetSettings, ImageEntry, SkippedFile } from '../../../shared/dataset';
import type { ExportChoice } from '../../../shared/export-presets';
import type { GalleryFilter } from '../lib/filters';
import { DEFAULT_SORT, type GallerySort } from '../lib/gallery-sort';
import { inView } from '../lib/gallery-view';
import type { TokenCount } from '../lib/search-match';
import { EMPTY_QUERY, parseSearch, type SearchQuery } from '../lib/search-query';
import { EMPTY_SELECTION, pruneSelection, type Selection, type SelectMode, selectImage } from '../lib/selection';
import type { TransientState } from '../lib/status';
import type { WrittenBy } from '../lib/written-by';
import { visibleIds, visibleImagesOf } from './visible';

/** The open dataset minus its images (which live in their own array for cheap per-image updates). */
export interface OpenDataset {
  id: string;
  name: string;
  trigger: string;
  roots: string[];
  settings: DatasetSettings;
  /** The export dialog's last choices (the dialog opens with them). */
  exportChoice: ExportChoice;
}

export interface WorkspaceState extends Selection {
  dataset: OpenDataset | null;
  images: ImageEntry[];
  /** id -> position in `images`. */
  index: Map<string, number>;
  skipped: SkippedFile[];
  /** queued / captioning, from the run's events; cleared when the image gets its outcome or the run ends. */
  transient: Record<string, TransientState>;
  filter: GalleryFilter;
  /** Only captions written by this model (or by the user, or imported); null: anyone. */
  writtenBy: WrittenBy | null;
  /** The search box as typed, and what it means. */
  query: string;
  search: SearchQuery;
  sort: GallerySort;
  /**
   * How `tokens>77` in the search counts CLIP tokens: an estimate until the real tokenizer has loaded (it is
   * loaded only when first needed, to keep its vocabulary out of the app's start).
   */
  tokens: TokenCount;
  /** Columns the gallery currently shows (keyboard up/down moves by a row). */
  columns: number;

  setColumns(columns: number): void;
  load(manifest: DatasetManifest): void;
  /** A reload of the same dataset (after an import): keeps filter, selection and drafts. */
  refresh(manifest: DatasetManifest): void;
  close(): void;
  rename(name: string): void;
  setSettings(settings: DatasetSettings): void;
  setExportChoice(choice: ExportChoice): void;
  upsertImage(image: ImageEntry): void;
  /** Many images at once (a bulk edit, an undo, a batch job's results): one new list, not one per image. */
  upsertImages(images: ReadonlyArray<ImageEntry>): void;
  /** Shows exactly these images selected (the view is reset first when it hides any of them). */
  selectIds(ids: ReadonlyArray<string>): void;
  setExcludedLocal(ids: ReadonlyArray<string>, excluded: boolean): void;
  setTransient(id: string, state: TransientState | null): void;
  markQueued(ids: ReadonlyArray<string>): void;
  /** Replaces every run mark at once (a dataset reopened while its run goes on). */
  restoreTransient(transient: Record<string, TransientState>): void;
  clearTransient(): void;
  setFilter(filter: GalleryFilter): void;
  setWrittenBy(writtenBy: WrittenBy | null): void;
  setQuery(query: string): void;
  setSort(sort: GallerySort): void;
  setTokenCount(tokens: TokenCount): void;
  /** Selects every image the gallery shows (Ctrl/Cmd+A; to recaption those a weaker model wrote, say). */
  selectVisible(): void;
  select(id: string, mode?: SelectMode): void;
}

function indexOf(images: ReadonlyArray<ImageEntry>): Map<string, number> {
  return new Map(images.map((img, i) => [img.id, i]));
}

function datasetOf(m: DatasetManifest): OpenDataset {
  return {
    ...{ id: m.id, name: m.name, trigger: m.trigger, roots: m.roots },
    ...{ settings: m.settings, exportChoice: m.exportChoice },
  };
}

/** A rough CLIP count (about 1.3 tokens a word, plus the start and end tokens) until the tokenizer is there. */
const estimateClipTokens: TokenCount = (caption) => Math.ceil(caption.split(/\s+/u).length * 1.3) + 2;

const INITIAL = {
  dataset: null,
  images: [],
  index: new Map<string, number>(),
  skipped: [],
  transient: {},
  filter: 'all' as GalleryFilter,
  writtenBy: null as WrittenBy | null,
  query: '',
  search: EMPTY_QUERY,
  sort: DEFAULT_SORT,
  ...EMPTY_SELECTION,
};

export const useWorkspace = create<WorkspaceState>()((set, get) => {
  /**
   * Changes what the gallery shows. The current image stays if it is in the new view, else the first image that
   * is becomes current; selected images the view hides leave the selection, so what a bulk action applies to is
   * always on screen.
   */
  const showOnly = (change: Partial<Pick<WorkspaceState, 'filter' | 'writtenBy' | 'query' | 'search'>>) => {
    set(change);
    const s = get();
    const shown = visibleImagesOf({ ...s, currentId: null });
    const current = s.currentId === null ? undefined : imageById(s, s.currentId);
    const trigger = s.dataset?.trigger ?? '';
    if (current && inView(current, s, trigger, s.tokens)) {
      const ids = new Set(shown.map((img) => img.id));
      return set(pruneSelection(s, (id) => ids.has(id)));
    }
    const first = shown[0];
    set(first ? selectImage(EMPTY_SELECTION, first.id, 'replace', []) : EMPTY_SELECTION);
  };
  return {
    ...INITIAL,
    tokens: estimateClipTokens,
    columns: 1,

    setColumns: (columns) => {
      if (get().columns !== columns) set({ columns });
    },

    load: (m) => {
      const first = m.images[0]?.id ?? null;
      set({
        ...INITIAL,
        dataset: datasetOf(m),
        images: m.images,
        index: indexOf(m.images),
        skipped: m.skipped,
        currentId: first,
        selected: new Set(first ? [first] : []),
        anchorId: first,
      });
    },

    refresh: (m) => {
      const index = indexOf(m.images);
      const sel = pruneSelection(get(), (id) => index.has(id));
      const currentId = sel.currentId ?? m.images[0]?.id ?? null;
      set({
        dataset: datasetOf(m),
        images: m.images,
        index,
        skipped: m.skipped,
        ...sel,
        currentId,
        selected: sel.selected.size > 0 || currentId === null ? sel.selected : new Set([currentId]),
      });
    },

    // The view (filter, search, order) belongs to the dataset being looked at, not to the app.
    close: () => set(INITIAL),

    rename: (name) => {
      const s = get().dataset;
      if (s) set({ dataset: { ...s, name } });
    },

    setSettings: (settings) => {
      const s = get().dataset;
      if (s) set({ dataset: { ...s, settings } });
    },

    setExportChoice: (exportChoice) => {
      const s = get().dataset;
      if (s) set({ dataset: { ...s, exportChoice } });
    },

    upsertImage: (image) => {
      const { images, index } = get();
      const at = index.get(image.id);
      if (at === undefined) return; // not in this dataset (or a stale event after closing)
      const next = images.slice();
      next[at] = image;
      set({ images: next });
    },

    upsertImages: (changed) => {
      const { images, index } = get();
      const next = images.slice();
      let any = false;
      for (const image of changed) {
        const at = index.get(image.id);
        if (at === undefined) continue;
        next[at] = image;
        any = true;
      }
      if (any) set({ images: next });
    },

    selectIds: (ids) => {
      const wanted = ids.filter((id) => get().index.has(id));
      const first = wanted[0];
      if (first === undefined) return;
      const shown = new Set(visibleIds(get()));
      if (!wanted.every((id) => shown.has(id))) {
        set({ filter: 'all', writtenBy: null, query: '', search: EMPTY_QUERY });
      }
      set({ currentId: first, selected: new Set(wanted), anchorId: first });
    },

    setExcludedLocal: (ids, excluded) => {
      const { images, index } = get();
      const next = images.slice();
      for (const id of ids) {
        const at = index.get(id);
        const img = at === undefined ? undefined : next[at];
        if (at !== undefined && img) next[at] = { ...img, excluded };
      }
      set({ images: next });
    },

    setTransient: (id, state) => {
      const transient = { ...get().transient };
      if (state === null) delete transient[id];
      else transient[id] = state;
      set({ transient });
    },

    markQueued: (ids) => {
      const transient = { ...get().transient };
      for (const id of ids) if (transient[id] === undefined) transient[id] = 'queued';
      set({ transient });
    },

    restoreTransient: (transient) => set({ transient: { ...transient } }),

    clearTransient: () => set({ transient: {} }),

    setFilter: (filter) => showOnly({ filter }),

    setWrittenBy: (writtenBy) => showOnly({ writtenBy }),

    setQuery: (query) => {
      if (query !== get().query) showOnly({ query, search: parseSearch(query) });
    },

    setSort: (sort) => set({ sort }),

    setTokenCount: (tokens) => {
      const s = get();
      set({ tokens });
      // Counts changed from the estimate to the real ones: a token search may now show other images.
      if (s.search.terms.some((t) => t.kind === 'count' && t.measure === 'tokens')) showOnly({});
    },

    selectVisible: () => {
      const s = get();
      const ids = visibleIds(s);
      const currentId = s.currentId !== null && ids.includes(s.currentId) ? s.currentId : (ids[0] ?? null);
      set({ selected: new Set(ids), currentId, anchorId: currentId });
    },

    select: (id, mode = 'replace') => {
      const s = get();
      set(selectImage(s, id, mode, visibleIds(s)));
    },
  };
});

/** The image in the editor, or null. */
export function currentImage(s: Pick<WorkspaceState, 'images' | 'index' | 'currentId'>): ImageEntry | null {
  if (s.currentId === null) return null;
  return s.images[s.index.get(s.currentId) ?? -1] ?? null;
}

export function imageById(s: Pick<WorkspaceState, 'images' | 'index'>, id: string): ImageEntry | undefined {
  const at = s.index.get(id);
  return at === undefined ? undefined : s.images[at];
}
