import { create } from 'zustand';
import type { PathPromptRequest } from '../api/path-prompt';

/** The one pending in-page path request (browser preview only) and how to answer it. */
export interface PathPromptState {
  request: PathPromptRequest | null;
  answer: ((paths: string[] | null) => void) | null;
  ask(request: PathPromptRequest): Promise<string[] | null>;
  respond(paths: string[] | null): void;
}

export const usePathPrompt = create<PathPromptState>()((set, get) => ({
  request: null,
  answer: null,
  ask: (request) => {
    // A new request supersedes one left open (answered as cancelled so its caller does not hang).
    get().answer?.(null);
    return new Promise((resolve) => set({ request, answer: resolve }));
  },
  respond: (paths) => {
    const answer = get().answer;
    set({ request: null, answer: null });
    answer?.(paths);
  },
}));
