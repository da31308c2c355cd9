import { SEARCH_STATUSES } from '../lib/search-query';

const TERMS: ReadonlyArray<{ term: string; means: string }> = [
  { term: 'dog sofa', means: 'captions or file names with both words (any case)' },
  { term: '"red brick wall"', means: 'this exact phrase' },
  { term: '-people', means: 'without this word (- works before any term)' },
  { term: '/^photo of \\w+ a /i', means: 'a regular expression (i: any case)' },
  { term: 'status:failed', means: `by status: ${SEARCH_STATUSES.join(', ')}` },
  { term: 'model:gemini-2.5-flash-lite', means: 'written by this model (model:qwen* for any qwen)' },
  { term: 'words>40', means: 'longer than 40 words (also <, <=, >=, =, and chars)' },
  { term: 'tokens>77', means: 'longer than CLIP reads (77 tokens): the rest is cut off in training' },
  { term: 'edited', means: 'captions you changed' },
  { term: 'excluded', means: 'images left out of the export (-excluded: the others)' },
];

/** What the search understands, each example a button that adds it to the search. */
export function SearchHelp({ id, hidden, onPick }: { id: string; hidden: boolean; onPick: (term: string) => void }) {
  return (
    <div id={id} className="search-help" hidden={hidden}>
      <ul>
        {TERMS.map((t) => (
          <li key={t.term}>
            <button type="button" className="search-term" onClick={() => onPick(t.term)}>
              <code>{t.term}</code>
            </button>
            <span className="muted">{t.means}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
