import { useId, useMemo } from 'react';
import { FILTERS, filterCounts } from '../lib/filters';
import { plural } from '../lib/format';
import { narrows } from '../lib/gallery-view';
import { type WrittenBy, writtenByCounts, writtenByLabel } from '../lib/written-by';
import { visibleIds } from '../stores/visible';
import { useWorkspace } from '../stores/workspace';

/**
 * All / Needs caption / Failed / Edited, each with its live count; who wrote the captions (each model, you,
 * imported) with counts, and a way to select everything such a filter shows (to recaption it); the selection size.
 */
export function FilterBar() {
  const images = useWorkspace((s) => s.images);
  const trigger = useWorkspace((s) => s.dataset?.trigger ?? '');
  const filter = useWorkspace((s) => s.filter);
  const writtenBy = useWorkspace((s) => s.writtenBy);
  const setFilter = useWorkspace((s) => s.setFilter);
  const setWrittenBy = useWorkspace((s) => s.setWrittenBy);
  const selectedCount = useWorkspace((s) => s.selected.size);
  const shown = useWorkspace((s) => (narrows(s) ? visibleIds(s).length : 0));
  const counts = useMemo(() => filterCounts(images, trigger), [images, trigger]);
  const authors = useMemo(() => writtenByCounts(images), [images]);
  const id = useId();
  // A filter still set for an author whose last caption was replaced keeps its entry (count 0) until changed.
  const options = writtenBy && !authors.some((a) => a.key === writtenBy) ? [...authors, ghost(writtenBy)] : authors;
  return (
    <div className="filter-bar">
      <fieldset className="segmented">
        <legend className="sr-only">Show</legend>
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            className={`segment ${filter === f.id ? 'active' : ''} ${f.id === 'failed' && counts.failed > 0 ? 'alarm' : ''}`}
            aria-pressed={filter === f.id}
            onClick={() => setFilter(f.id)}
          >
            {f.label}
            <span className="count">{counts[f.id].toLocaleString('en-US')}</span>
          </button>
        ))}
      </fieldset>
      <div className="written-by">
        <label className="faint" htmlFor={id}>
          Written by
        </label>
        <select
          id={id}
          className={`select ${writtenBy ? 'active' : ''}`}
          value={writtenBy ?? ''}
          onChange={(e) => setWrittenBy(e.target.value === '' ? null : (e.target.value as WrittenBy))}
        >
          <option value="">Anyone</option>
          {options.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label} ({a.count.toLocaleString('en-US')})
            </option>
          ))}
        </select>
      </div>
      {shown > 1 && selectedCount < shown ? (
        <button type="button" className="btn btn-sm" onClick={() => useWorkspace.getState().selectVisible()}>
          Select all {shown.toLocaleString('en-US')}
        </button>
      ) : null}
      <div className="spacer" />
      {selectedCount > 1 ? (
        <span className="selection-note">
          {plural(selectedCount, 'image')} selected <span className="faint">· Esc to clear</span>
        </span>
      ) : null}
    </div>
  );
}

const ghost = (key: WrittenBy) => ({ key, label: writtenByLabel(key), count: 0 });
