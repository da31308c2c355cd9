import { loadClipCount } from '../lib/clip-count';
import { toast } from '../stores/toasts';
import { useTokenizer } from '../stores/tokenizer';
import { useWorkspace } from '../stores/workspace';

/**
 * Loads the CLIP tokenizer (once) for the editor's token counter and the search's `tokens>N`; until it is there
 * the counter says it is counting and the search estimates.
 */
export async function ensureTokenizer(): Promise<void> {
  if (useTokenizer.getState().clip) return;
  try {
    const clip = await loadClipCount();
    // Several callers may have waited for the same load: the first one to get here installs it.
    if (useTokenizer.getState().clip === clip) return;
    useTokenizer.getState().setClip(clip);
    useWorkspace.getState().setTokenCount((caption) => clip(caption).tokens);
  } catch (e) {
    toast('error', `The token counter could not load: ${e instanceof Error ? e.message : String(e)}`);
  }
}
