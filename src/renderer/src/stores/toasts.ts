import { create } from 'zustand';

export type ToastTone = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  action?: { label: string; run: () => void };
  /** Toasts with the same key replace each other (a new run summary replaces the last one), never stack. */
  key?: string;
}

export interface ToastsState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

/** Three notes are all anyone reads at a glance; older ones go first so the stack never grows over the page. */
export const MAX_TOASTS = 3;

/** Transient confirmations; errors that need action are shown where they happened instead. */
export const useToasts = create<ToastsState>()((set, get) => {
  let next = 1;
  return {
    toasts: [],
    push: (toast) => {
      const id = next++;
      // The same note twice (or a newer note of the same kind) replaces the old one rather than stacking.
      const others = get().toasts.filter(
        (t) => !(toast.key !== undefined ? t.key === toast.key : t.message === toast.message && t.tone === toast.tone),
      );
      set({ toasts: [...others.slice(-(MAX_TOASTS - 1)), { ...toast, id }] });
      return id;
    },
    dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  };
});

export function toast(tone: ToastTone, message: string, action?: Toast['action'], key?: string): void {
  useToasts.getState().push({ tone, message, ...(action ? { action } : {}), ...(key ? { key } : {}) });
}
