import { create } from 'zustand';
import type { UndoState } from '../../../shared/history';

/** The open dataset's undo and redo stacks, most recent first, as main last reported them. */
export interface HistoryState extends UndoState {
  datasetId: string | null;
  /** An undo or redo is on its way: the keys wait for it rather than queue a second one. */
  busy: boolean;
  set(datasetId: string, state: UndoState): void;
  setBusy(busy: boolean): void;
  clear(): void;
}

const EMPTY = { datasetId: null, undo: [], redo: [], busy: false };

export const useHistory = create<HistoryState>()((set) => ({
  ...EMPTY,
  set: (datasetId, state) => set({ datasetId, undo: state.undo, redo: state.redo }),
  setBusy: (busy) => set({ busy }),
  clear: () => set(EMPTY),
}));
