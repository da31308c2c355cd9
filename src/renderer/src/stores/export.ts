import { create } from 'zustand';
import type { ExportChoice } from '../../../shared/export-presets';
import type { ExportProblem, ExportProgress, ExportReport } from '../../../shared/progress';

/**
 * Where the export dialog is: the dataset check (its panel takes over when it has anything to say), the preset
 * and its options, the save prompt, the refusal with the images to fix, writing (with cancel), the report, or
 * the error. The choice travels through every step so "Try again" and a
 * cancelled save prompt come back to the options as the user left them.
 */
type ExportPhase =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'options'; choice: ExportChoice; note: string | null }
  | { step: 'choosing'; choice: ExportChoice }
  | { step: 'blocked'; message: string; problems: ExportProblem[] }
  | {
      step: 'exporting';
      choice: ExportChoice;
      path: string | null;
      progress: ExportProgress | null;
      cancelling: boolean;
    }
  | { step: 'done'; report: ExportReport }
  | { step: 'error'; choice: ExportChoice; message: string };

export interface ExportState {
  phase: ExportPhase;
  set(phase: ExportPhase): void;
  progress(p: ExportProgress): void;
  cancelling(): void;
}

export const useExport = create<ExportState>()((set, get) => ({
  phase: { step: 'idle' },
  set: (phase) => set({ phase }),
  progress: (p) => {
    const phase = get().phase;
    if (phase.step === 'exporting') set({ phase: { ...phase, progress: p } });
  },
  cancelling: () => {
    const phase = get().phase;
    if (phase.step === 'exporting') set({ phase: { ...phase, cancelling: true } });
  },
}));
