import type { TokenCount } from '../../../shared/token-count';

type Count = (text: string) => TokenCount;

let loading: Promise<Count> | null = null;

/**
 * The real CLIP tokenizer, imported on first use: its vocabulary (3.4 MB) is a chunk of its own that the app's
 * start never waits for. Counts are remembered per text, so a search for `tokens>77` over 5,000 captions
 * tokenizes each caption once, and again only when it changes.
 */
export function loadClipCount(): Promise<Count> {
  loading ??= import('../../../shared/clip-tokenizer').then(({ countClipTokens }) => remembered(countClipTokens));
  return loading;
}

/** Enough for every caption of a 5,000-image dataset and its edits; beyond it, the oldest are forgotten. */
const MAX_REMEMBERED = 20_000;

function remembered(count: Count): Count {
  const known = new Map<string, TokenCount>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      result = count(text);
      if (known.size >= MAX_REMEMBERED) known.delete(known.keys().next().value as string);
      known.set(text, result);
    }
    return result;
  };
}
