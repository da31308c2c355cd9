import { useId, useState } from 'react';
import { SORTS, type SortKey } from '../lib/gallery-sort';
import { narrows } from '../lib/gallery-view';
import { IS_MAC } from '../lib/platform';
import { visibleIds } from '../stores/visible';
import { useWorkspace } from '../stores/workspace';
import { Icon } from './Icon';
import { SearchHelp } from './SearchHelp';

/** The search field's id: Ctrl/Cmd+F and / in the gallery focus it. */
export const SEARCH_FIELD_ID = 'gallery-search';

/**
 * The search over captions and file names (the filter language of lib/search-query.ts), how many images it
 * shows, what it could not understand, and the gallery's order. Typing filters at once: the query is parsed once
 * per keystroke and every step of the view is remembered (stores/workspace.ts), so 5,000 images keep up.
 */
export function SearchBar() {
  const query = useWorkspace((s) => s.query);
  const errors = useWorkspace((s) => s.search.errors);
  const sort = useWorkspace((s) => s.sort);
  const total = useWorkspace((s) => s.images.length);
  const shown = useWorkspace((s) => (narrows(s) ? visibleIds(s).length : null));
  const [help, setHelp] = useState(false);
  const errorId = useId();
  const helpId = useId();
  const sortId = useId();
  const { setQuery, setSort } = useWorkspace.getState();

  return (
    <div className="search-bar">
      <div className="search-row">
        <div className={`search-box ${errors.length > 0 ? 'invalid' : ''}`}>
          <Icon name="search" size={15} className="faint" />
          <input
            id={SEARCH_FIELD_ID}
            type="search"
            className="search-input"
            aria-label="Search captions and file names"
            aria-describedby={errors.length > 0 ? errorId : undefined}
            aria-invalid={errors.length > 0}
            placeholder={`Search captions and names (${IS_MAC ? '⌘F' : 'Ctrl+F'})…`}
            spellCheck={false}
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // The first Escape clears the search; the next one (field empty) leaves it for the gallery.
              if (e.key === 'Escape' && query !== '') {
                e.preventDefault();
                setQuery('');
              }
            }}
          />
          {shown !== null ? (
            <output className="search-count" aria-live="polite">
              {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
            </output>
          ) : null}
        </div>
        <button
          type="button"
          className={`btn btn-ghost icon-btn btn-sm ${help ? 'active' : ''}`}
          aria-label="Search help"
          title="What the search understands"
          aria-expanded={help}
          aria-controls={helpId}
          onClick={() => setHelp(!help)}
        >
          <Icon name="info" size={15} />
        </button>
        <label className="faint sort-label" htmlFor={sortId}>
          Sort
        </label>
        <select
          id={sortId}
          className="select sort-select"
          value={sort.key}
          onChange={(e) => setSort({ ...sort, key: e.target.value as SortKey })}
        >
          {SORTS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-ghost icon-btn btn-sm"
          aria-label="Reverse order"
          aria-pressed={sort.descending}
          title={sort.descending ? 'Descending: click for ascending' : 'Ascending: click for descending'}
          onClick={() => setSort({ ...sort, descending: !sort.descending })}
        >
          <Icon name={sort.descending ? 'arrow-down' : 'arrow-up'} size={15} />
        </button>
      </div>
      {errors.length > 0 ? (
        <p id={errorId} className="search-error">
          {errors.join(' · ')}
        </p>
      ) : null}
      <SearchHelp
        id={helpId}
        hidden={!help}
        onPick={(term) => setQuery(query.trim() === '' ? term : `${query.trim()} ${term}`)}
      />
    </div>
  );
}
