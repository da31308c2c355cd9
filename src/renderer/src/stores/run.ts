import { create } from 'zustand';
import type { RunRequest } from '../../../shared/contract';
import type { ImageRunState, RunProgress, RunSummary } from '../../../shared/progress';

type RunPhase = 'idle' | 'starting' | 'running' | 'finished';

export interface RunState {
  datasetId: string | null;
  phase: RunPhase;
  request: RunRequest | null;
  total: number;
  progress: RunProgress | null;
  summary: RunSummary | null;
  /** Images that failed or were blocked in this run, in the order they did (for the summary and "Retry failed"). */
  failedIds: string[];
  /** Whether the finished run's failed list is shown (docked under the gallery). A new run closes it. */
  failedOpen: boolean;
  /** The images this page asked the run to send (empty for a run it only heard about). */
  targets: readonly string[];
  /**
   * Each image's latest state in this run, so a dataset closed and reopened mid-run can show its queued and
   * captioning marks again. Bookkeeping only (nothing renders from it), so it is updated in place: a copy per
   * progress event would cost O(n) each on a large run.
   */
  imageStates: Map<string, ImageRunState>;

  begin(datasetId: string, request: RunRequest, targets: readonly string[]): void;
  applyProgress(p: RunProgress): void;
  /** `failedIds`: the images that failed when the run reported none itself (a batch job's results). */
  finish(summary: RunSummary, failedIds?: readonly string[]): void;
  /** startRun was refused before anything ran. */
  abort(): void;
  dismiss(): void;
  setFailedOpen(open: boolean): void;
}

const IDLE = {
  datasetId: null,
  phase: 'idle' as RunPhase,
  request: null,
  total: 0,
  progress: null,
  summary: null,
  failedIds: [],
  failedOpen: false,
  targets: [],
};

export const useRun = create<RunState>()((set, get) => ({
  ...IDLE,
  imageStates: new Map(),

  begin: (datasetId, request, targets) =>
    set({
      ...IDLE,
      ...{ datasetId, request, targets, total: targets.length },
      ...{ imageStates: new Map(), phase: 'starting' },
    }),

  applyProgress: (p) => {
    const s = get();
    const last = p.lastImage;
    if (last) s.imageStates.set(last.id, last.state);
    let failedIds = s.failedIds;
    if (last && (last.state === 'failed' || last.state === 'blocked') && !failedIds.includes(last.id)) {
      failedIds = [...failedIds, last.id];
    } else if (last && last.state === 'captioned' && failedIds.includes(last.id)) {
      failedIds = failedIds.filter((id) => id !== last.id);
    }
    // A late progress event must not reopen a finished run.
    set({ progress: p, failedIds, phase: s.phase === 'finished' ? 'finished' : 'running', total: p.total });
  },

  finish: (summary, failedIds) =>
    set({ summary, phase: 'finished', ...(failedIds && failedIds.length > 0 ? { failedIds: [...failedIds] } : {}) }),

  abort: () => set({ ...IDLE, imageStates: new Map() }),

  dismiss: () => set({ ...IDLE, imageStates: new Map() }),

  setFailedOpen: (failedOpen) => set({ failedOpen }),
}));

export function isRunActive(s: Pick<RunState, 'phase'>): boolean {
  return s.phase === 'starting' || s.phase === 'running';
}
