import { describe, expect, it } from 'vitest';
import { makeImage } from '../../../../tests/support/image-entry';
import { matchesQuery } from './search-match';
import { parseSearch, usesTokens } from './search-query';

const images = [
  makeImage('hall-01', { caption: 'photo of TOK a red brick wall beside a wooden door' }),
  makeImage('hall-02', { caption: 'photo of TOK a Red car parked outside', model: 'gemini-2.5-flash-lite' }),
  makeImage('dog', { caption: 'photo of TOK a dog on a sofa', status: 'edited', captionSource: 'user', model: null }),
  makeImage('cat', { caption: null, captionSource: null, status: 'failed', error: 'timeout', model: null }),
  makeImage('skip', { caption: 'photo of TOK a wall', excluded: true, model: 'qwen2.5vl:7b' }),
];

/** The ids of the images a query keeps; tokens are counted as words + 2 here (BOS and EOS). */
function search(input: string): string[] {
  const query = parseSearch(input);
  expect(query.errors).toEqual([]);
  return images.filter((img) => matchesQuery(img, query, (c) => c.split(' ').length + 2)).map((img) => img.id);
}

describe('the search language', () => {
  it('matches plain words in captions and file names, ignoring case, every word required', () => {
    expect(search('red')).toEqual(['hall-01', 'hall-02']);
    expect(search('RED wall')).toEqual(['hall-01']);
    expect(search('hall')).toEqual(['hall-01', 'hall-02']);
    expect(search('  ')).toEqual(images.map((i) => i.id));
  });

  it('matches "exact phrases", also while the closing quote is still being typed', () => {
    expect(search('"brick wall"')).toEqual(['hall-01']);
    expect(search('"wall beside')).toEqual(['hall-01']);
    expect(search('"a wall"')).toEqual(['skip']);
  });

  it('excludes with -, before any kind of term', () => {
    expect(search('wall -brick')).toEqual(['skip']);
    expect(search('-"red brick" red')).toEqual(['hall-02']);
    expect(search('-/^photo/')).toEqual(['cat']);
    expect(search('-status:captioned -excluded')).toEqual(['dog', 'cat']);
  });

  it('applies /regular expressions/ to captions and names with their own flags', () => {
    expect(search('/Red/')).toEqual(['hall-02']);
    expect(search('/red/i')).toEqual(['hall-01', 'hall-02']);
    expect(search('/a (sofa|wall)$/')).toEqual(['dog', 'skip']);
    expect(search('/^hall-\\d+\\.jpg$/')).toEqual(['hall-01', 'hall-02']);
    // A global flag would make test() skip matches on the next image; it is dropped.
    expect(search('/wall/g')).toEqual(['hall-01', 'skip']);
  });

  it('filters by status, model (any case, * as a wildcard), edited and excluded', () => {
    expect(search('status:failed')).toEqual(['cat']);
    expect(search('status:EDITED')).toEqual(['dog']);
    expect(search('model:gemini-2.5-flash-lite')).toEqual(['hall-02']);
    expect(search('model:gemini-2.5-flash')).toEqual(['hall-01']);
    expect(search('model:Gemini*')).toEqual(['hall-01', 'hall-02']);
    expect(search('model:qwen*')).toEqual(['skip']);
    expect(search('edited')).toEqual(['dog']);
    expect(search('excluded')).toEqual(['skip']);
  });

  it('compares word, character and token counts (an image without a caption counts 0)', () => {
    expect(search('words>8')).toEqual(['hall-01']);
    expect(search('words<=5')).toEqual(['cat', 'skip']);
    expect(search('words=8')).toEqual(['hall-02', 'dog']);
    expect(search('chars>40')).toEqual(['hall-01']);
    expect(search('tokens>=11')).toEqual(['hall-01']);
    expect(usesTokens(parseSearch('red tokens>77'))).toBe(true);
    expect(usesTokens(parseSearch('red words>77'))).toBe(false);
  });

  it('reports a term it cannot understand as a message, never throws, and keeps filtering with the rest', () => {
    const bad = parseSearch('red /(unclosed/ status:broken words> model: //');
    expect(bad.errors).toEqual([
      '/(unclosed/ is not a valid regular expression: unterminated group',
      'status:broken is not a status: use new, captioned, edited, failed, blocked',
      'words> needs a whole number, for example words>40',
      'model: needs a model name, for example model:gemini-2.5-flash (* matches any part)',
      'An empty regular expression (//) matches everything: type a pattern between the slashes',
    ]);
    expect(bad.terms).toEqual([{ kind: 'text', text: 'red', negate: false }]);
    expect(parseSearch('dog /sofa').errors).toEqual(['/sofa is not finished: close the regular expression with /']);
    expect(parseSearch('/a/z').errors[0]).toMatch(/^\/a\/z is not a valid regular expression: /u);
  });

  it('reads words with a colon it does not know, a lone dash and an escaped slash as text', () => {
    expect(parseSearch('16:9 - a\\/b').terms).toEqual([
      { kind: 'text', text: '16:9', negate: false },
      { kind: 'text', text: '-', negate: false },
      { kind: 'text', text: 'a\\/b', negate: false },
    ]);
    expect(parseSearch('/a\\/b/').terms[0]).toMatchObject({ kind: 'regex', re: /a\/b/ });
  });
});
