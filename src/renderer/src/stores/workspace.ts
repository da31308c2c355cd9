import { create } from 'zustand';
import type { DatasetManifest, DatasetSettings, ImageEntry, SkippedFile } from '../../../shared/dataset';
import type { ExportChoice } from '../../../shared/export-presets';
import { type GalleryFilter, matchesFilter, visibleImages } from '../lib/filters';
import { EMPTY_SELECTION, pruneSelection, type Selection, type SelectMode, selectImage } from '../lib/selection';
import type { TransientState } from '../lib/status';
import type { WrittenBy } from '../lib/written-by';

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
  /** Many images at once (a batch job's results): one update of the list, not one per image. */
  upsertImages(images: ReadonlyArray<ImageEntry>): void;
  setExcludedLocal(ids: ReadonlyArray<string>, excluded: boolean): void;
  setTransient(id: string, state: TransientState | null): void;
  markQueued(ids: ReadonlyArray<string>): void;
  /** Replaces every run mark at once (a dataset reopened while its run goes on). */
  restoreTransient(transient: Record<string, TransientState>): void;
  clearTransient(): void;
  setFilter(filter: GalleryFilter): void;
  setWrittenBy(writtenBy: WrittenBy | null): void;
  /** Selects every image the gallery shows (to recaption those a weaker model wrote, say). */
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

const INITIAL = {
  dataset: null,
  images: [],
  index: new Map<string, number>(),
  skipped: [],
  transient: {},
  filter: 'all' as GalleryFilter,
  writtenBy: null as WrittenBy | null,
  ...EMPTY_SELECTION,
};

export const useWorkspace = create<WorkspaceState>()((set, get) => {
  /** Changes what the gallery shows; when the current image is not in the new list, the first one that is. */
  const showOnly = (filter: GalleryFilter, writtenBy: WrittenBy | null) => {
    const { images, currentId, dataset, index } = get();
    const trigger = dataset?.trigger ?? '';
    const current = currentId === null ? undefined : images[index.get(currentId) ?? -1];
    if (current && matchesFilter(current, filter, trigger, writtenBy)) return set({ filter, writtenBy });
    const first = images.find((img) => matchesFilter(img, filter, trigger, writtenBy));
    set({ filter, writtenBy, ...(first ? selectImage(EMPTY_SELECTION, first.id, 'replace', []) : EMPTY_SELECTION) });
  };
  return {
    ...INITIAL,
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

    upsertImages: (updated) => {
      const { images, index } = get();
      const next = images.slice();
      for (const image of updated) {
        const at = index.get(image.id);
        if (at !== undefined) next[at] = image;
      }
      set({ images: next });
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

    setFilter: (filter) => showOnly(filter, get().writtenBy),

    setWrittenBy: (writtenBy) => showOnly(get().filter, writtenBy),

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

/** The ids the gallery shows now (filter applied, the image being edited kept), in order. */
export function visibleIds(
  s: Pick<WorkspaceState, 'images' | 'filter' | 'writtenBy' | 'dataset' | 'currentId'>,
): string[] {
  return visibleImages(s.images, s.filter, s.dataset?.trigger ?? '', s.currentId, s.writtenBy).map((i) => i.id);
}
