import { create } from 'zustand';
import type { CheckReport } from '../../../shared/check';
import type { ImageEntry } from '../../../shared/dataset';

/** The dataset check panel: closed, checking, its report, or why it could not run. */
export interface CheckState {
  open: boolean;
  checking: boolean;
  report: CheckReport | null;
  error: string | null;
  /** Opened by an export that waits for the user's word ("Export anyway"); false when opened on demand. */
  forExport: boolean;
  /** The workspace's images when the report came: any change since makes it out of date (check again). */
  basis: ReadonlyArray<ImageEntry> | null;
  start(forExport: boolean): void;
  done(report: CheckReport, basis: ReadonlyArray<ImageEntry>): void;
  failed(message: string): void;
  close(): void;
}

const CLOSED = { open: false, checking: false, report: null, error: null, forExport: false, basis: null };

export const useCheck = create<CheckState>()((set) => ({
  ...CLOSED,
  // The last report stays on screen while the next one is made, so the list does not blink away.
  start: (forExport) => set({ open: true, checking: true, error: null, forExport }),
  done: (report, basis) => set({ checking: false, report, basis }),
  failed: (error) => set({ checking: false, error }),
  close: () => set(CLOSED),
}));
