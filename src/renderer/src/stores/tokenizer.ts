import { create } from 'zustand';
import type { TokenCount } from '../../../shared/token-count';

/** The CLIP token counter once its lazily imported tokenizer has loaded (null before). */
export interface TokenizerState {
  clip: ((text: string) => TokenCount) | null;
  setClip(clip: (text: string) => TokenCount): void;
}

export const useTokenizer = create<TokenizerState>()((set) => ({
  clip: null,
  setClip: (clip) => set({ clip }),
}));
