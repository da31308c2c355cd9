import { useMemo } from 'react';
import { FILTERS, filterCounts } from '../lib/filters';
import { plural } from '../lib/format';
import { useWorkspace } from '../stores/workspace';

/** All / Needs caption / Failed / Edited, each with its live count, plus the selection size. */
export function FilterBar() {
  const images = useWorkspace((s) => s.images);
  const trigger = useWorkspace((s) => s.dataset?.trigger ?? '');
  const filter = useWorkspace((s) => s.filter);
  const setFilter = useWorkspace((s) => s.setFilter);
  const selectedCount = useWorkspace((s) => s.selected.size);
  const counts = useMemo(() => filterCounts(images, trigger), [images, trigger]);
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
      <div className="spacer" />
      {selectedCount > 1 ? (
        <span className="selection-note">
          {plural(selectedCount, 'image')} selected <span className="faint">· Esc to clear</span>
        </span>
      ) : null}
    </div>
  );
}
