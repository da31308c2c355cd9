/**
 * Token limits of the text encoders LoRA trainers feed captions to, and the shape of a count. This module is
 * light: the real CLIP tokenizer (a 3.4 MB vocabulary) lives in `clip-tokenizer.ts`, which the page imports
 * lazily and the core imports where it checks a dataset.
 */

/** CLIP-L reads 77 tokens, start and end markers included: 75 for the caption (SD 1.5, SDXL, FLUX's CLIP). */
export const CLIP_MAX_TOKENS = 77;
/** FLUX's T5-XXL reads 512 tokens, the end marker included. */
const T5_MAX_TOKENS = 512;

export interface TokenCount {
  /** Tokens the encoder sees for this text, its start/end markers included. */
  tokens: number;
  /** The encoder's window (CLIP_MAX_TOKENS or T5_MAX_TOKENS). */
  limit: number;
  /** Index in the text where the encoder stops reading (the first word that does not fit); null when it all fits. */
  cutAt: number | null;
  /** An estimate (shown with "≈"), not the real tokenizer's count. */
  estimated: boolean;
}

/**
 * T5's SentencePiece vocabulary (t5-v1_1-xxl, 32,000 pieces) is not on the npm registry, so its count is estimated:
 * a word of up to 7 letters is one piece, longer words one more every 4 letters, digits in pairs, every punctuation
 * mark one, plus the end marker. Measured against the only real T5 counts available here (the ids Hugging Face's
 * tests publish, `token-count.test.ts`): exact on one sentence, one token over on the other (10 for 9). How far off
 * it is on long captions could not be measured; a caption at the 1,500-character limit of ordinary English
 * estimates at about 360 tokens, inside T5's 512, so the estimate only matters for captions of unusual words,
 * symbols or non-Latin scripts, where T5 splits more finely than any estimate can know.
 */
export function estimateT5Tokens(text: string): TokenCount {
  let tokens = 1; // </s>
  let cutAt: number | null = null;
  for (const match of text.matchAll(/\S+/gu)) {
    tokens += t5WordPieces(match[0]);
    if (cutAt === null && tokens > T5_MAX_TOKENS) cutAt = match.index;
  }
  return { tokens, limit: T5_MAX_TOKENS, cutAt, estimated: true };
}

/** Pieces one whitespace-separated word becomes: letter runs, digit runs and marks, each estimated. */
function t5WordPieces(word: string): number {
  let pieces = 0;
  for (const part of word.matchAll(/\p{L}+|\p{N}+|[^\p{L}\p{N}]/gu)) {
    const run = part[0];
    if (/^\p{L}/u.test(run)) pieces += run.length <= 7 ? 1 : 1 + Math.ceil((run.length - 7) / 4);
    else if (/^\p{N}/u.test(run)) pieces += Math.ceil(run.length / 2);
    else pieces += 1;
  }
  return pieces;
}
