import { create } from 'zustand';
import type { ImportReport } from '../../../shared/contract';
import type { BulkAction } from '../lib/bulk-form';
import type { RunScope } from '../lib/run-targets';

type Screen = 'start' | 'workspace';

/** The one modal dialog open at a time (the path prompt of the preview stacks above it on its own). */
export type Dialog =
  | { type: 'new-dataset'; paths: string[] }
  | { type: 'import-report'; report: ImportReport }
  | { type: 'settings'; focusKey: boolean; message: string | null }
  | { type: 'caption'; scope: RunScope }
  | { type: 'export' }
  | { type: 'train' }
  /** `scope` says which images in words: "The 12 selected images", "All 5,000 images". */
  | { type: 'bulk-edit'; imageIds: string[]; scope: string; action: BulkAction };

export interface UiState {
  screen: Screen;
  dialog: Dialog | null;
  /** Bumped to ask the caption field to take focus (Enter in the gallery). */
  focusCaptionTick: number;
  /** Bumped to ask the gallery to take focus back (Escape in the caption field). */
  focusGalleryTick: number;
  setScreen(screen: Screen): void;
  open(dialog: Dialog): void;
  close(): void;
  focusCaption(): void;
  focusGallery(): void;
}

export const useUi = create<UiState>()((set, get) => ({
  screen: 'start',
  dialog: null,
  focusCaptionTick: 0,
  focusGalleryTick: 0,
  setScreen: (screen) => set({ screen }),
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  focusCaption: () => set({ focusCaptionTick: get().focusCaptionTick + 1 }),
  focusGallery: () => set({ focusGalleryTick: get().focusGalleryTick + 1 }),
}));

/** Straight to the key field with a message: what a missing or rejected key leads to from anywhere. */
export function openKeySettings(message: string): void {
  useUi.getState().open({ type: 'settings', focusKey: true, message });
}
