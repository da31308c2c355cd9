import { captionError, captionPrefix, foldTypedCaption, MAX_CAPTION_CHARS, wordCount } from '../../../shared/caption';

export interface CaptionStats {
  /** Plain-language problem, or null when the caption is valid for the trigger. */
  error: string | null;
  words: number;
  chars: number;
  /** Characters left before the format's limit (negative when over). */
  left: number;
}

/**
 * Live feedback for the caption field: the same rule the export applies to the text as it will be saved (a space
 * typed before the next word is not an error), so a green field exports.
 */
export function captionStats(text: string, trigger: string): CaptionStats {
  return {
    error: captionError(foldTypedCaption(text), trigger),
    words: wordCount(text),
    chars: text.length,
    left: MAX_CAPTION_CHARS - text.length,
  };
}

/** What an empty caption field starts with, so the user only types the description. */
export function captionStarter(trigger: string): string {
  return captionPrefix(trigger);
}

/**
 * Whether a draft differs from what is saved in a way worth saving. An uncaptioned image whose field only holds
 * the starter ("photo of TOK ") or spaces was merely visited, not edited.
 */
export function isRealEdit(draft: string, saved: string | null, trigger: string): boolean {
  // Compared as it would be saved: "a man " (about to type the next word) is no change from a saved "a man".
  const typed = foldTypedCaption(draft);
  if (typed === (saved ?? '')) return false;
  if (saved === null && (typed === '' || typed === captionStarter(trigger).trim())) return false;
  return true;
}
