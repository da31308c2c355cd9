import { create } from 'zustand';

/**
 * Captions typed but not yet confirmed saved, per image id. A draft stays here until setCaption succeeds with
 * exactly that text, so nothing typed is lost when a save fails or the user moves on quickly.
 */
export interface DraftsState {
  drafts: Record<string, string>;
  saving: Record<string, true>;
  /** Why the last save of an image failed (shown under its caption field). */
  errors: Record<string, string>;

  setDraft(id: string, text: string): void;
  /** Drops the draft only if it still equals `text` (the user may have typed more while it was saving). */
  settle(id: string, text: string): void;
  setSaving(id: string, saving: boolean): void;
  setError(id: string, message: string | null): void;
  reset(): void;
}

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  if (!(id in record)) return record;
  const next = { ...record };
  delete next[id];
  return next;
}

export const useDrafts = create<DraftsState>()((set, get) => ({
  drafts: {},
  saving: {},
  errors: {},

  setDraft: (id, text) => set({ drafts: { ...get().drafts, [id]: text } }),

  settle: (id, text) => {
    const { drafts, errors } = get();
    set({ drafts: drafts[id] === text ? without(drafts, id) : drafts, errors: without(errors, id) });
  },

  setSaving: (id, saving) => set({ saving: saving ? { ...get().saving, [id]: true } : without(get().saving, id) }),

  setError: (id, message) =>
    set({ errors: message === null ? without(get().errors, id) : { ...get().errors, [id]: message } }),

  reset: () => set({ drafts: {}, saving: {}, errors: {} }),
}));

export function pendingDraftIds(s: Pick<DraftsState, 'drafts'>): string[] {
  return Object.keys(s.drafts);
}
