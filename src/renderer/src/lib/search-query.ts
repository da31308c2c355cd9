/**
 * The gallery's search language, parsed once per keystroke into terms a pure matcher applies to every image
 * (search-match.ts). Every term must match; `-` before any term excludes what it matches.
 *
 *   dog  "red brick wall"  /^photo of \w+ a/i  -cat
 *   status:failed  model:gemini-2.5-flash-lite  model:qwen*  words>40  tokens>77  chars<=200  edited  excluded
 *
 * Plain words and phrases match captions and file names, ignoring case; a regular expression keeps its own flags.
 * A term that cannot be understood is reported as a message (never thrown) and left out, so the rest still filters
 * while the user fixes it.
 */

export const SEARCH_STATUSES = ['new', 'captioned', 'edited', 'failed', 'blocked'] as const;
type SearchStatus = (typeof SEARCH_STATUSES)[number];

/** What a comparison counts: words or characters of the caption, or CLIP tokens (what tokens>77 means). */
export type Measure = 'words' | 'chars' | 'tokens';
type Comparison = '<' | '<=' | '>' | '>=' | '=';

type TermBody =
  | { kind: 'text'; text: string }
  | { kind: 'regex'; re: RegExp }
  | { kind: 'status'; status: SearchStatus }
  | { kind: 'model'; re: RegExp }
  | { kind: 'count'; measure: Measure; op: Comparison; value: number }
  | { kind: 'flag'; flag: 'edited' | 'excluded' };

export type SearchTerm = TermBody & { negate: boolean };

export interface SearchQuery {
  terms: SearchTerm[];
  /** One sentence per term that was left out. */
  errors: string[];
}

export const EMPTY_QUERY: SearchQuery = { terms: [], errors: [] };

const COUNT = /^(words|chars|tokens)(<=|>=|<|>|=)(.*)$/iu;
const KEYED = /^(status|model):(.*)$/iu;
const FLAGS = new Set(['edited', 'excluded']);

export function parseSearch(input: string): SearchQuery {
  const terms: SearchTerm[] = [];
  const errors: string[] = [];
  const s = input;
  let i = 0;
  while (i < s.length) {
    if (/\s/u.test(s[i] ?? '')) {
      i++;
      continue;
    }
    const negate = s[i] === '-' && i + 1 < s.length && !/\s/u.test(s[i + 1] ?? '');
    if (negate) i++;
    if (s[i] === '"') {
      // A phrase runs to the closing quote; one still being typed runs to the end.
      const close = s.indexOf('"', i + 1);
      const text = s.slice(i + 1, close < 0 ? s.length : close).toLowerCase();
      i = close < 0 ? s.length : close + 1;
      if (text.trim() !== '') terms.push({ kind: 'text', text, negate });
      continue;
    }
    if (s[i] === '/') {
      const end = regexEnd(s, i + 1);
      if (end < 0) {
        errors.push(`${s.slice(i)} is not finished: close the regular expression with /`);
        break;
      }
      let next = end + 1;
      while (next < s.length && !/\s/u.test(s[next] ?? '')) next++;
      const result = regexTerm(s.slice(i + 1, end), s.slice(end + 1, next));
      if (typeof result === 'string') errors.push(result);
      else terms.push({ kind: 'regex', re: result, negate });
      i = next;
      continue;
    }
    let end = i;
    while (end < s.length && !/\s/u.test(s[end] ?? '')) end++;
    const word = s.slice(i, end);
    i = end;
    const term = wordTerm(word);
    if (typeof term === 'string') errors.push(term);
    else terms.push({ ...term, negate });
  }
  return { terms, errors };
}

/** Index of the `/` closing a regular expression that starts at `from`, skipping escaped ones; -1 if none. */
function regexEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '/') return i;
  }
  return -1;
}

function regexTerm(source: string, flags: string): RegExp | string {
  if (source === '') return 'An empty regular expression (//) matches everything: type a pattern between the slashes';
  try {
    // g and y make test() remember where it stopped, which would skip matches on the next image.
    return new RegExp(source, flags.replace(/[gy]/gu, ''));
  } catch (e) {
    const reason = e instanceof Error ? (e.message.split(': ').at(-1) ?? e.message) : String(e);
    return `/${source}/${flags} is not a valid regular expression: ${reason.toLowerCase()}`;
  }
}

function wordTerm(word: string): TermBody | string {
  const lower = word.toLowerCase();
  if (FLAGS.has(lower)) return { kind: 'flag', flag: lower as 'edited' | 'excluded' };
  const count = COUNT.exec(word);
  if (count) {
    const [, measure = '', op = '', value = ''] = count;
    if (!/^\d+$/u.test(value)) return `${measure}${op} needs a whole number, for example ${measure.toLowerCase()}>40`;
    return { kind: 'count', measure: measure.toLowerCase() as Measure, op: op as Comparison, value: Number(value) };
  }
  const keyed = KEYED.exec(word);
  if (keyed) {
    const [, key = '', value = ''] = keyed;
    if (key.toLowerCase() === 'status') {
      const status = SEARCH_STATUSES.find((st) => st === value.toLowerCase());
      if (!status) return `status:${value} is not a status: use ${SEARCH_STATUSES.join(', ')}`;
      return { kind: 'status', status };
    }
    if (value === '') return 'model: needs a model name, for example model:gemini-2.5-flash (* matches any part)';
    return { kind: 'model', re: globToRegExp(value) };
  }
  return { kind: 'text', text: lower };
}

/** `qwen*` matches every model whose name starts with qwen; without `*` the whole name must match (any case). */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'iu');
}

/** Whether any term needs CLIP token counts (so the tokenizer is loaded only for searches that use it). */
export function usesTokens(query: SearchQuery): boolean {
  return query.terms.some((t) => t.kind === 'count' && t.measure === 'tokens');
}
