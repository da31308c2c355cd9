import { useId, useState } from 'react';
import { goTo } from '../actions/navigation';
import { api } from '../api';
import { useOpenFailures } from '../hooks/useOpenFailures';
import { useRun } from '../stores/run';
import { useWorkspace } from '../stores/workspace';
import { Icon } from './Icon';

/** The run bar's "Show failed" button, which the panel hands focus back to when it closes. */
export const FAILED_TOGGLE_ID = 'failed-list-toggle';

/**
 * The images the last run could not caption, with Gemini's reason, docked under the gallery so it never covers
 * the editor. Rows come from the images as they are now: one captioned since (by hand or a retry) leaves the
 * list, and the panel disappears with the last one. Clicking a row opens the image in the editor.
 */
export function FailedPanel() {
  const open = useRun((s) => s.failedOpen);
  const setOpen = useRun((s) => s.setFailedOpen);
  const rows = useOpenFailures();
  const datasetId = useWorkspace((s) => s.dataset?.id ?? '');
  const currentId = useWorkspace((s) => s.currentId);
  const [collapsed, setCollapsed] = useState(false);
  const listId = useId();
  if (!open || rows.length === 0) return null;

  const close = () => {
    setOpen(false);
    document.getElementById(FAILED_TOGGLE_ID)?.focus();
  };
  return (
    <section className={`failed-panel ${collapsed ? 'collapsed' : ''}`} aria-label="Images that failed">
      <header>
        <button
          type="button"
          className="failed-panel-title"
          aria-expanded={!collapsed}
          aria-controls={listId}
          onClick={() => setCollapsed(!collapsed)}
        >
          <Icon name="chevron-down" size={15} className="failed-panel-chevron" />
          <strong>Not captioned in this run</strong>
          <span className="count-pill">{rows.length.toLocaleString('en-US')}</span>
        </button>
        <button type="button" className="btn btn-ghost icon-btn btn-sm" aria-label="Close list" onClick={close}>
          <Icon name="x" size={14} />
        </button>
      </header>
      <ul id={listId} className="item-list" hidden={collapsed}>
        {rows.map((row) => (
          <li key={row.id}>
            <button
              type="button"
              className="item-row"
              aria-current={row.id === currentId ? 'true' : undefined}
              onClick={() => {
                useWorkspace.getState().setFilter('all');
                goTo(row.id);
              }}
            >
              <img className="item-thumb" src={api.mediaUrl('thumb', datasetId, row.id)} alt="" loading="lazy" />
              <span className="item-main">
                <span className="item-title">{row.relPath}</span>
                <span className="item-sub">{row.reason}</span>
              </span>
              <span className={`reason-tag ${row.blocked ? 'reason-blocked' : 'reason-failed'}`}>
                {row.blocked ? 'Blocked' : 'Failed'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
