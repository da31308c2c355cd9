import { captionError, captionPrefix, MAX_CAPTION_CHARS } from './caption';

/**
 * Turns whatever a model answered (or an imported .txt held) into exactly `photo of {trigger} {description}`.
 * The prefix is always applied here, never trusted to the model: models add preambles, markdown, quotes, their
 * own "Photo of TOK" and trailing periods, and trainers need one clean line. Returns null when no usable
 * description is left (empty answer, a refusal, only a preamble).
 */
export function normaliseCaption(raw: string, trigger: string): string | null {
  const chosen = firstDescriptionParagraph(raw);
  if (chosen === null) return null;
  let text = chosen;
  // Noise nests ("**Caption:** \"Photo of TOK ...\""), so peel layers until nothing changes.
  for (let i = 0; i < 6; i++) {
    const before = text;
    text = stripEdges(stripLeadingPhotoOf(stripQuotes(stripPreamble(stripEdges(text))), trigger));
    if (text === before) break;
  }
  if (!/\p{L}/u.test(text) || REFUSAL.test(text)) return null;
  text = stripEdges(truncate(lowerFirstWord(text), MAX_CAPTION_CHARS - captionPrefix(trigger).length));
  if (text === '') return null;
  const caption = `${captionPrefix(trigger)}${text}`;
  return captionError(caption, trigger) === null ? caption : null;
}

const REFUSAL = /^(?:i'?m sorry|i am sorry|sorry,|i can(?:not|'t|’t)\b|i'?m (?:not )?(?:able|unable)|as an ai\b)/iu;

/** Markdown that carries no meaning in a caption: headings, list markers, block quotes, emphasis, code. */
function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*(?:#{1,6}\s+|>\s*)+/u, '')
    .replace(/^\s*(?:[-*+•]|\d{1,2}[.)])\s+/u, '')
    .replace(/\*\*|__|`+/gu, '')
    .replace(/(^|[\s(])\*(\S(?:[^*]*\S)?)\*(?=$|[\s.,;:!?)])/gu, '$1$2')
    .replace(/^\s*\*\s*/u, '');
}

/** A line that only introduces the answer ("Here is a caption:", "**Option 1:**", "Sure!"). */
const INTRO_LINE =
  /^(?:.{0,120}:|(?:sure|okay|ok|certainly|of course|absolutely)[!,.]?(?:\s+here(?:'s|’s| is| it is| you go)\b[^.!]*)?[!.]?)$/iu;

/** A line that starts a new alternative rather than continuing the previous one. */
const ALTERNATIVE_START = /^(?:(?:an?\s+)?photo\s+of\b|(?:option|caption)\s*#?\d)/iu;

interface Line {
  text: string;
  /** Was a list item or heading, or opens with its own "photo of": an alternative, never a continuation. */
  startsItem: boolean;
}

function toLine(raw: string): Line {
  const text = stripMarkdown(raw).trim();
  const marked = /^\s*(?:#{1,6}\s|[-*+•]\s|\d{1,2}[.)]\s)/u.test(raw);
  return { text, startsItem: marked || ALTERNATIVE_START.test(text) };
}

/**
 * The first paragraph of real text. Wrapped lines (previous line without closing punctuation, or next line
 * starting in lower case) are folded into one; separate sentences, list items or options are alternatives, so
 * only the first is kept. Code fences and intro lines are skipped.
 */
function firstDescriptionParagraph(raw: string): string | null {
  const lines = raw
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .filter((l) => !/^\s*```/u.test(l))
    .map(toLine);
  let paragraph: string | null = null;
  for (const { text, startsItem } of lines) {
    if (paragraph !== null) {
      const continues = text !== '' && !startsItem && (!/[.!?:"”]$/u.test(paragraph) || /^\p{Ll}/u.test(text));
      if (!continues) break;
      paragraph = `${paragraph} ${text}`;
    } else if (text !== '' && !INTRO_LINE.test(text)) {
      paragraph = text;
    }
  }
  return paragraph;
}

const PREAMBLES = [
  /^(?:the|this) (?:image|photo(?:graph)?|picture) (?:shows|depicts|features|contains|captures)\s+/iu,
  /^in (?:the|this) (?:image|photo(?:graph)?|picture),?\s+/iu,
  /^(?:sure|okay|ok|certainly|of course|absolutely)\b[!,.]?\s*/iu,
  /^here(?:'s|’s| is| are)\b[^:]{0,80}?\b(?:captions?|descriptions?|image|photo|picture)\b[^:]{0,40}:\s*/iu,
  /^(?:final |short |suggested |image |training )?(?:caption|description|answer|output|result|option|alt text)(?:\s*#?\d{1,2})?\s*[:\-–—]\s*/iu,
];

function stripPreamble(text: string): string {
  let out = text;
  for (const p of PREAMBLES) out = out.replace(p, '');
  return out;
}

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
  ['„', '“'],
];

function countOf(text: string, ch: string): number {
  // Apostrophes inside words ("cat's") are not quotes.
  const scrubbed = ch === "'" || ch === '’' ? text.replace(/(?<=\p{L})['’](?=\p{L})/gu, '') : text;
  return scrubbed.split(ch).length - 1;
}

function balanced(text: string, open: string, close: string): boolean {
  return open === close ? countOf(text, open) % 2 === 0 : countOf(text, open) === countOf(text, close);
}

/**
 * Removes quotes wrapped around the whole answer, or a lone opening/closing quote left when the model quoted its
 * answer and trailing punctuation was cut. Balanced inner quotes (a sign reading "OPEN") stay.
 */
function stripQuotes(text: string): string {
  for (const [open, close] of QUOTE_PAIRS) {
    const starts = text.startsWith(open);
    const ends = text.endsWith(close) && text.length > open.length;
    if (starts && ends) {
      const inner = text.slice(open.length, -close.length);
      if (balanced(inner, open, close)) return inner;
    }
    if (balanced(text, open, close)) continue;
    if (starts) return text.slice(open.length);
    if (ends) return text.slice(0, -close.length);
  }
  return text;
}

/** Placeholder triggers models and other tools use in place of the real one. */
const PLACEHOLDERS = String.raw`(?:\[trigger\]|\{trigger\}|<trigger>|TOK|sks|ohwx|trigger)`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Drops a leading "photo of TRIGGER", "A photo of", a bare trigger or placeholder: the prefix is ours to add. */
function stripLeadingPhotoOf(text: string, trigger: string): string {
  const token = `(?:${escapeRegExp(trigger)}|${PLACEHOLDERS})`;
  const photoOf = new RegExp(
    String.raw`^(?:an?\s+)?(?:photo(?:graph)?|picture|image)\s+of(?:\s+${token}(?![\p{L}\p{N}_]))?[\s,:;–—-]*`,
    'iu',
  );
  const bareToken = new RegExp(String.raw`^${token}(?![\p{L}\p{N}_])[\s,:;–—-]*`, 'iu');
  const out = text.replace(photoOf, '');
  if (out !== text) return out;
  return text.replace(bareToken, (m) => (/^(?:TOK|sks|ohwx)\b/u.test(m) || isTriggerLike(m, trigger) ? '' : m));
}

/** A bare placeholder word at the start is only dropped in its usual case ("TOK", "sks"); any case of the real trigger. */
function isTriggerLike(match: string, trigger: string): boolean {
  const word = match.replace(/[\s,:;–—-]+$/u, '');
  return word.toLowerCase() === trigger.toLowerCase() || /^[[{<]trigger[\]}>]$/iu.test(word);
}

/** Whitespace collapsed; leading list/punctuation debris and trailing punctuation or quotes removed. */
function stripEdges(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\-–—:;,.*•]+/u, '')
    .replace(/[\s.,;:!?…。、*]+$/u, '')
    .trim();
}

/** "A large hall" -> "a large hall"; acronyms ("LED", "USB-C") and mixed case ("McLaren", "iPhone") stay. */
function lowerFirstWord(text: string): string {
  const first = text.split(' ', 1)[0] ?? '';
  const word = first.replace(/[,.;:!?]+$/u, '');
  if (!/^\p{Lu}[\p{Ll}'’]*$/u.test(word)) return text;
  if (word.length === 1 && word !== 'A') return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Cuts an over-long answer at a word boundary so the caption stays within MAX_CAPTION_CHARS. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut;
}
