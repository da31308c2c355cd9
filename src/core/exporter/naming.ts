/**
 * Export basenames: one name per image, shared by the image and its `.txt` caption, safe on every OS and unique
 * in a case-insensitive sense, because trainers pair `a.jpg` with `a.txt` and macOS/Windows file systems (and
 * Replicate's lower-case `.txt` lookup) treat `A` and `a` as the same file.
 *
 * The rule (deterministic; the result for a set of images never depends on the order they are given in):
 * 1. base = stem of the relPath's last segment (extension dropped), NFC-normalised, then sanitised: characters
 *    forbidden on Windows (`<>:"/\|?*`), control characters and broken UTF-16 become `_`; leading/trailing
 *    spaces and trailing dots are trimmed; a leading dot becomes `_` (hidden files, and `._x` entries are
 *    dropped by Replicate's unzip); Windows device names (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also followed
 *    by an extension) get a `_` appended; the result is capped at 100 characters / 200 UTF-8 bytes on a
 *    grapheme boundary (so emoji stay whole); an empty result becomes `image`.
 * 2. Names are compared by a key: NFC, then upper- then lower-cased (so `ß`/`SS` also count as equal:
 *    over-matching only costs a longer name, under-matching would overwrite a file).
 * 3. The added images are sorted by folder depth, then relPath (code-unit order, locale independent), then id.
 *    Pass 1: per base key, the first image in that order keeps the plain base unless `taken` has it (so a file
 *    at the top level, which has no folder to tell it apart, keeps its own name).
 *    Pass 2: every other image, in the same order, takes the first free candidate of: the base prefixed by
 *    its parent folder, then by its two nearest folders, ... up to the full folder path (joined with `_`,
 *    e.g. `Vacation 2025_IMG_0001`), then that longest name with `_2`, `_3`, ... appended.
 * Running pass 1 first means a file that really is called `Vacation 2025_IMG_0001.jpg` keeps its own name.
 */

export const MAX_NAME_CHARS = 100;
export const MAX_NAME_BYTES = 200;
const FALLBACK_NAME = 'image';

const FORBIDDEN = /[<>:"/\\|?*\p{Cc}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/iu;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The case- and normalisation-insensitive identity of a name. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** `name` made safe as a file name stem on Windows, macOS and Linux (see rule 1 above). */
export function sanitiseName(name: string, maxChars = MAX_NAME_CHARS): string {
  let s = name.normalize('NFC').replace(LONE_SURROGATE, '_').replace(FORBIDDEN, '_');
  s = capLength(tidyEnds(s), maxChars, MAX_NAME_BYTES);
  s = tidyEnds(s).replace(/^\./u, '_');
  if (s === '') return FALLBACK_NAME;
  const dot = s.indexOf('.');
  const first = dot === -1 ? s : s.slice(0, dot);
  if (WINDOWS_DEVICE.test(first.trimEnd())) s = `${first.trimEnd()}_${dot === -1 ? '' : s.slice(dot)}`;
  return s;
}

/** Trims spaces at both ends and dots at the end (Windows drops trailing dots and spaces silently). */
function tidyEnds(s: string): string {
  return s.trim().replace(/[. ]+$/u, '');
}

/** Cuts `s` to at most `maxChars` code points and `maxBytes` UTF-8 bytes, never inside a grapheme. */
function capLength(s: string, maxChars: number, maxBytes: number): string {
  if (Array.from(s).length <= maxChars && Buffer.byteLength(s) <= maxBytes) return s;
  let out = '';
  let chars = 0;
  let bytes = 0;
  for (const { segment } of graphemes.segment(s)) {
    chars += Array.from(segment).length;
    bytes += Buffer.byteLength(segment);
    if (chars > maxChars || bytes > maxBytes) break;
    out += segment;
  }
  return out;
}

/** `dir/sub/name.ext` -> { stem: 'name', folders: ['dir', 'sub'] } (extension = text after the last dot). */
function splitRelPath(relPath: string): { stem: string; folders: string[] } {
  const parts = relPath.split(/[/\\]/u).filter((p) => p !== '');
  const file = parts.pop() ?? '';
  const dot = file.lastIndexOf('.');
  return { stem: dot > 0 ? file.slice(0, dot) : file, folders: parts };
}

/** Candidate names for an image whose plain base was taken, in order of preference (see rule 3). */
function* candidates(base: string, folders: string[]): Generator<string> {
  let longest = base;
  for (let depth = 1; depth <= folders.length; depth++) {
    longest = sanitiseName([...folders.slice(-depth), base].join('_'));
    yield longest;
  }
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    yield sanitiseName(longest, MAX_NAME_CHARS - suffix.length) + suffix;
  }
}

/**
 * Deterministic unique export basenames for newly added images, unique case-insensitively (after Unicode NFC)
 * among themselves and `taken`. Returns id -> name.
 */
export function assignExportNames(
  taken: ReadonlyArray<string>,
  added: ReadonlyArray<{ id: string; relPath: string }>,
): Map<string, string> {
  const used = new Set(taken.map(nameKey));
  const parsed = added
    .map((a) => {
      const relPath = a.relPath.normalize('NFC');
      const { stem, folders } = splitRelPath(relPath);
      return { id: a.id, relPath, base: sanitiseName(stem), folders: folders.map((f) => sanitiseName(f)) };
    })
    .sort((a, b) => a.folders.length - b.folders.length || compare(a.relPath, b.relPath) || compare(a.id, b.id));

  const names = new Map<string, string>();
  for (const p of parsed) {
    if (used.has(nameKey(p.base))) continue;
    used.add(nameKey(p.base));
    names.set(p.id, p.base);
  }
  for (const p of parsed) {
    if (names.has(p.id)) continue;
    for (const name of candidates(p.base, p.folders)) {
      if (used.has(nameKey(name))) continue;
      used.add(nameKey(name));
      names.set(p.id, name);
      break;
    }
  }
  return names;
}

export function defaultZipName(trigger: string): string {
  return `${trigger}_training.zip`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
