import { create } from 'zustand';

export type ToastTone = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  action?: { label: string; run: () => void };
}

export interface ToastsState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

/** Transient confirmations; errors that need action are shown where they happened instead. */
export const useToasts = create<ToastsState>()((set, get) => {
  let next = 1;
  return {
    toasts: [],
    push: (toast) => {
      const id = next++;
      // Keep the stack short: the newest four are enough to read.
      set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
      return id;
    },
    dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  };
});

export function toast(tone: ToastTone, message: string, action?: Toast['action']): void {
  useToasts.getState().push(action ? { tone, message, action } : { tone, message });
}
