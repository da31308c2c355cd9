import type { DatasetManifest } from '../../shared/dataset';
import type { Clock } from '../ports';
import type { DatasetState, LiveDataset } from './dataset-state';
import { pendingSteps } from './dataset-state';
import { appendHistory, emptyHistoryCache, type HistoryCache, type HistoryEntry, refreshHistory } from './history-file';
import type { DatasetLayout } from './layout';
import { diffOrigin, manifestDiff, type StepOrigin, stepMeta } from './steps';

/**
 * The store's side of history.jsonl: moving the journal's steps into it before the journal is emptied, recording
 * the caption changes a whole-manifest write makes, and reading it (from where this store last stopped) with the
 * steps still in the journal.
 */
export function createStoreHistory(layout: DatasetLayout, clock: Clock, current: (id: string) => Promise<LiveDataset>) {
  const caches = new Map<string, HistoryCache>();
  return {
    /** Before the journal is emptied: its steps (those of this manifest) into history.jsonl, one fsync. */
    async moveJournal(id: string, state: Pick<DatasetState, 'journal' | 'base'>): Promise<void> {
      await appendHistory(layout.history(id), pendingSteps(state.journal.entries, state.base));
    },

    /** After a whole-manifest write: its caption and exclusion changes as one step. */
    async recordDiff(id: string, previous: DatasetManifest, next: DatasetManifest, origin?: StepOrigin) {
      const changes = manifestDiff(previous, next);
      if (changes.length === 0) return;
      const now = clock.now();
      const step = stepMeta(origin ?? diffOrigin(changes), now);
      await appendHistory(layout.history(id), [{ at: new Date(now).toISOString(), step, changes }]);
    },

    /** Every recorded step, oldest first. */
    async read(id: string): Promise<HistoryEntry[]> {
      const cache = await refreshHistory(layout.history(id), caches.get(id) ?? emptyHistoryCache());
      caches.set(id, cache);
      const { pending } = await current(id);
      return [...cache.entries, ...pending.filter((e) => !cache.ids.has(e.step.id))];
    },
  };
}
