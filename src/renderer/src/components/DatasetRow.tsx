import { type CSSProperties, useState } from 'react';
import type { DatasetSummary } from '../../../shared/progress';
import { deleteDataset, openDataset, renameDataset } from '../actions/datasets';
import { toUiError } from '../lib/errors';
import { formatRelative, plural } from '../lib/format';
import { Icon } from './Icon';

type Mode = 'view' | 'rename' | 'confirm-delete';

/** One recent dataset: open it, rename it in place, or delete it after an inline confirmation. */
export function DatasetRow({ dataset, now }: { dataset: DatasetSummary; now: number }) {
  const [mode, setMode] = useState<Mode>('view');
  const broken = dataset.broken !== null;
  const pct = dataset.imageCount === 0 ? 0 : dataset.captionedCount / dataset.imageCount;

  return (
    <li className={`dataset-row ${broken ? 'broken' : ''}`}>
      <Monogram dataset={dataset} />
      <div className="dataset-main">
        {mode === 'rename' ? (
          <RenameField dataset={dataset} onDone={() => setMode('view')} />
        ) : (
          <div className="dataset-title">
            {broken ? (
              <span className="dataset-name">{dataset.name}</span>
            ) : (
              <button type="button" className="dataset-name link-like" onClick={() => void openDataset(dataset.id)}>
                {dataset.name}
              </button>
            )}
            {dataset.trigger ? <span className="chip">{dataset.trigger}</span> : null}
          </div>
        )}
        {broken ? (
          <p className="dataset-broken">
            <Icon name="alert" size={14} /> {dataset.broken}
          </p>
        ) : (
          <div className="dataset-meta">
            <span>{plural(dataset.imageCount, 'image')}</span>
            <span className="dot-sep" aria-hidden="true" />
            <span>{dataset.captionedCount.toLocaleString('en-US')} captioned</span>
            <span className="mini-progress" aria-hidden="true">
              <span style={{ width: `${Math.round(pct * 100)}%` }} />
            </span>
          </div>
        )}
      </div>
      {mode === 'confirm-delete' ? (
        <fieldset className="dataset-confirm">
          <legend className="sr-only">Delete {dataset.name}?</legend>
          <span>Delete this dataset? Your photos stay where they are.</span>
          <button type="button" className="btn btn-sm" onClick={() => setMode('view')}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-sm btn-danger solid"
            onClick={() => void deleteDataset(dataset.id, dataset.name)}
          >
            Delete
          </button>
        </fieldset>
      ) : (
        <>
          <span className="dataset-when faint" title={new Date(dataset.updatedAt).toLocaleString()}>
            {formatRelative(dataset.updatedAt, now)}
          </span>
          <div className="dataset-actions">
            {broken ? null : (
              <button
                type="button"
                className="btn btn-ghost icon-btn btn-sm"
                aria-label={`Rename ${dataset.name}`}
                title="Rename"
                onClick={() => setMode('rename')}
              >
                <Icon name="pencil" size={15} />
              </button>
            )}
            <button
              type="button"
              className="btn btn-ghost icon-btn btn-sm"
              aria-label={`Delete ${dataset.name}`}
              title="Delete"
              onClick={() => setMode('confirm-delete')}
            >
              <Icon name="trash" size={15} />
            </button>
            {broken ? null : (
              <button
                type="button"
                className="btn btn-sm"
                aria-label={`Open ${dataset.name}`}
                onClick={() => void openDataset(dataset.id)}
              >
                Open
              </button>
            )}
          </div>
        </>
      )}
    </li>
  );
}

const HUES = [250, 200, 160, 25, 320, 280];

function Monogram({ dataset }: { dataset: DatasetSummary }) {
  if (dataset.broken !== null) {
    return (
      <span className="monogram broken" aria-hidden="true">
        <Icon name="alert" />
      </span>
    );
  }
  let hash = 0;
  for (const ch of dataset.id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = HUES[hash % HUES.length] ?? 250;
  return (
    <span className="monogram" aria-hidden="true" style={{ '--hue': hue } as CSSProperties}>
      {(dataset.name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}

function RenameField({ dataset, onDone }: { dataset: DatasetSummary; onDone: () => void }) {
  const [value, setValue] = useState(dataset.name);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const name = value.trim();
    if (name === '' || name === dataset.name) return onDone();
    try {
      await renameDataset(dataset.id, name);
      onDone();
    } catch (e) {
      setError(toUiError(e).message);
    }
  };
  return (
    <div className="rename-field">
      <input
        className={`input ${error ? 'invalid' : ''}`}
        aria-label="Dataset name"
        value={value}
        maxLength={200}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this row; typing goes here.
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') onDone();
        }}
      />
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}
