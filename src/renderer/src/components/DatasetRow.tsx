import { type CSSProperties, useState } from 'react';
import type { SessionSummary } from '../../../shared/progress';
import { deleteSession, openSession, renameSession } from '../actions/datasets';
import { toUiError } from '../lib/errors';
import { formatRelative, plural } from '../lib/format';
import { Icon } from './Icon';

type Mode = 'view' | 'rename' | 'confirm-delete';

/** One recent dataset: open it, rename it in place, or delete it after an inline confirmation. */
export function SessionRow({ session, now }: { session: SessionSummary; now: number }) {
  const [mode, setMode] = useState<Mode>('view');
  const broken = session.broken !== null;
  const pct = session.imageCount === 0 ? 0 : session.captionedCount / session.imageCount;

  return (
    <li className={`session-row ${broken ? 'broken' : ''}`}>
      <Monogram session={session} />
      <div className="session-main">
        {mode === 'rename' ? (
          <RenameField session={session} onDone={() => setMode('view')} />
        ) : (
          <div className="session-title">
            {broken ? (
              <span className="session-name">{session.name}</span>
            ) : (
              <button type="button" className="session-name link-like" onClick={() => void openSession(session.id)}>
                {session.name}
              </button>
            )}
            {session.trigger ? <span className="chip">{session.trigger}</span> : null}
          </div>
        )}
        {broken ? (
          <p className="session-broken">
            <Icon name="alert" size={14} /> {session.broken}
          </p>
        ) : (
          <div className="session-meta">
            <span>{plural(session.imageCount, 'image')}</span>
            <span className="dot-sep" aria-hidden="true" />
            <span>{session.captionedCount.toLocaleString('en-US')} captioned</span>
            <span className="mini-progress" aria-hidden="true">
              <span style={{ width: `${Math.round(pct * 100)}%` }} />
            </span>
          </div>
        )}
      </div>
      {mode === 'confirm-delete' ? (
        <fieldset className="session-confirm">
          <legend className="sr-only">Delete {session.name}?</legend>
          <span>Delete this dataset? Your photos stay where they are.</span>
          <button type="button" className="btn btn-sm" onClick={() => setMode('view')}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-sm btn-danger solid"
            onClick={() => void deleteSession(session.id, session.name)}
          >
            Delete
          </button>
        </fieldset>
      ) : (
        <>
          <span className="session-when faint" title={new Date(session.updatedAt).toLocaleString()}>
            {formatRelative(session.updatedAt, now)}
          </span>
          <div className="session-actions">
            {broken ? null : (
              <button
                type="button"
                className="btn btn-ghost icon-btn btn-sm"
                aria-label={`Rename ${session.name}`}
                title="Rename"
                onClick={() => setMode('rename')}
              >
                <Icon name="pencil" size={15} />
              </button>
            )}
            <button
              type="button"
              className="btn btn-ghost icon-btn btn-sm"
              aria-label={`Delete ${session.name}`}
              title="Delete"
              onClick={() => setMode('confirm-delete')}
            >
              <Icon name="trash" size={15} />
            </button>
            {broken ? null : (
              <button
                type="button"
                className="btn btn-sm"
                aria-label={`Open ${session.name}`}
                onClick={() => void openSession(session.id)}
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

function Monogram({ session }: { session: SessionSummary }) {
  if (session.broken !== null) {
    return (
      <span className="monogram broken" aria-hidden="true">
        <Icon name="alert" />
      </span>
    );
  }
  let hash = 0;
  for (const ch of session.id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = HUES[hash % HUES.length] ?? 250;
  return (
    <span className="monogram" aria-hidden="true" style={{ '--hue': hue } as CSSProperties}>
      {(session.name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}

function RenameField({ session, onDone }: { session: SessionSummary; onDone: () => void }) {
  const [value, setValue] = useState(session.name);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const name = value.trim();
    if (name === '' || name === session.name) return onDone();
    try {
      await renameSession(session.id, name);
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
