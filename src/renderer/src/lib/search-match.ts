import { wordCount } from '../../../shared/caption';
import type { ImageEntry } from '../../../shared/dataset';
import type { Measure, SearchQuery, SearchTerm } from './search-query';

/** Counts CLIP tokens in a caption (the real tokenizer once loaded, an estimate before). */
export type TokenCount = (caption: string) => number;

type Searchable = Pick<ImageEntry, 'caption' | 'relPath' | 'status' | 'model' | 'excluded'>;

/**
 * The lowercased text plain words look in, made once per image object: images are replaced, never changed, when
 * their caption changes, so a keystroke in the search box lowercases nothing it has seen before.
 */
const haystacks = new WeakMap<Searchable, string>();

function haystackOf(image: Searchable): string {
  let text = haystacks.get(image);
  if (text === undefined) {
    text = `${image.caption ?? ''}\n${image.relPath}`.toLowerCase();
    haystacks.set(image, text);
  }
  return text;
}

/** Whether an image matches every term of the query (a negated term: does not match it). */
export function matchesQuery(image: Searchable, query: SearchQuery, tokens: TokenCount): boolean {
  for (const term of query.terms) if (termMatches(image, term, tokens) === term.negate) return false;
  return true;
}

function termMatches(image: Searchable, term: SearchTerm, tokens: TokenCount): boolean {
  switch (term.kind) {
    case 'text':
      return haystackOf(image).includes(term.text);
    case 'regex':
      return (image.caption !== null && term.re.test(image.caption)) || term.re.test(image.relPath);
    case 'status':
      return image.status === term.status;
    case 'model':
      return image.model !== null && image.caption !== null && term.re.test(image.model);
    case 'flag':
      return term.flag === 'excluded' ? image.excluded : image.status === 'edited';
    case 'count': {
      const n = measure(image.caption ?? '', term.measure, tokens);
      switch (term.op) {
        case '<':
          return n < term.value;
        case '<=':
          return n <= term.value;
        case '>':
          return n > term.value;
        case '>=':
          return n >= term.value;
        case '=':
          return n === term.value;
      }
    }
  }
}

function measure(caption: string, what: Measure, tokens: TokenCount): number {
  if (what === 'chars') return caption.length;
  if (what === 'words') return wordCount(caption);
  return caption === '' ? 0 : tokens(caption);
}
