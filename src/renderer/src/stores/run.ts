import { create } from 'zustand';
import type { RunRequest } from '../../../shared/contract';
import type { RunProgress, RunSummary } from '../../../shared/progress';

export type RunPhase = 'idle' | 'starting' | 'running' | 'finished';

export interface RunState {
  sessionId: string | null;
  phase: RunPhase;
  request: RunRequest | null;
  total: number;
  progress: RunProgress | null;
  summary: RunSummary | null;
  /** Images that failed or were blocked in this run, in the order they did (for the summary and "Retry failed"). */
  failedIds: string[];
  /** Whether the finished run's failed list is shown (docked under the gallery). A new run closes it. */
  failedOpen: boolean;

  begin(sessionId: string, request: RunRequest, total: number): void;
  applyProgress(p: RunProgress): void;
  finish(summary: RunSummary): void;
  /** startRun was refused before anything ran. */
  abort(): void;
  dismiss(): void;
  setFailedOpen(open: boolean): void;
}

const IDLE = {
  sessionId: null,
  phase: 'idle' as RunPhase,
  request: null,
  total: 0,
  progress: null,
  summary: null,
  failedIds: [],
  failedOpen: false,
};

export const useRun = create<RunState>()((set, get) => ({
  ...IDLE,

  begin: (sessionId, request, total) => set({ ...IDLE, sessionId, request, total, phase: 'starting' }),

  applyProgress: (p) => {
    const s = get();
    const last = p.lastImage;
    let failedIds = s.failedIds;
    if (last && (last.state === 'failed' || last.state === 'blocked') && !failedIds.includes(last.id)) {
      failedIds = [...failedIds, last.id];
    } else if (last && last.state === 'captioned' && failedIds.includes(last.id)) {
      failedIds = failedIds.filter((id) => id !== last.id);
    }
    // A late progress event must not reopen a finished run.
    set({ progress: p, failedIds, phase: s.phase === 'finished' ? 'finished' : 'running', total: p.total });
  },

  finish: (summary) => set({ summary, phase: 'finished' }),

  abort: () => set(IDLE),

  dismiss: () => set(IDLE),

  setFailedOpen: (failedOpen) => set({ failedOpen }),
}));

export function isRunActive(s: Pick<RunState, 'phase'>): boolean {
  return s.phase === 'starting' || s.phase === 'running';
}
