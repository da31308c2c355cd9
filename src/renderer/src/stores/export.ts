import { create } from 'zustand';
import type { ExportProblem, ExportProgress, ExportReport } from '../../../shared/progress';

export type ExportTarget = 'zip' | 'folder';

type ExportPhase =
  | { step: 'idle' }
  /** The dataset check runs first; its panel takes over when it has anything to say. */
  | { step: 'checking'; target: ExportTarget }
  | { step: 'choosing'; target: ExportTarget }
  | { step: 'blocked'; target: ExportTarget; message: string; problems: ExportProblem[] }
  | { step: 'exporting'; target: ExportTarget; path: string; progress: ExportProgress | null }
  | { step: 'done'; target: ExportTarget; report: ExportReport }
  | { step: 'error'; target: ExportTarget; message: string };

export interface ExportState {
  phase: ExportPhase;
  set(phase: ExportPhase): void;
  progress(p: ExportProgress): void;
}

export const useExport = create<ExportState>()((set, get) => ({
  phase: { step: 'idle' },
  set: (phase) => set({ phase }),
  progress: (p) => {
    const phase = get().phase;
    if (phase.step === 'exporting') set({ phase: { ...phase, progress: p } });
  },
}));
