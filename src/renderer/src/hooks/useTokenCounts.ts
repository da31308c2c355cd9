import { useEffect, useMemo } from 'react';
import { estimateT5Tokens, type TokenCount } from '../../../shared/token-count';
import { ensureTokenizer } from '../actions/tokenizer';
import { useTokenizer } from '../stores/tokenizer';

export interface TokenCounts {
  /** CLIP-L's real count; null while the tokenizer is still loading. */
  clip: TokenCount | null;
  /** T5's, always an estimate (its vocabulary is not on the npm registry). */
  t5: TokenCount;
}

/** Token counts of a caption as typed, for the two encoders FLUX trainers feed (the tokenizer loads on first use). */
export function useTokenCounts(text: string): TokenCounts {
  const clip = useTokenizer((s) => s.clip);
  useEffect(() => {
    void ensureTokenizer();
  }, []);
  return useMemo(() => ({ clip: clip ? clip(text) : null, t5: estimateT5Tokens(text) }), [clip, text]);
}
