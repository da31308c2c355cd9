import { goTo } from '../actions/navigation';
import { api } from '../api';
import { imageById, useWorkspace } from '../stores/workspace';
import { Icon } from './Icon';

/** The images the last run could not caption, with Gemini's reason; clicking one opens it in the editor. */
export function FailedPanel({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const ws = useWorkspace();
  const sessionId = ws.session?.id ?? '';
  return (
    <section className="failed-panel" aria-label="Images that failed">
      <header>
        <strong>Not captioned in this run</strong>
        <button type="button" className="btn btn-ghost icon-btn btn-sm" aria-label="Close list" onClick={onClose}>
          <Icon name="x" size={14} />
        </button>
      </header>
      <ul className="item-list">
        {ids.map((id) => {
          const img = imageById(ws, id);
          if (!img) return null;
          return (
            <li key={id}>
              <button
                type="button"
                className="item-row"
                onClick={() => {
                  ws.setFilter('all');
                  goTo(id);
                }}
              >
                <img className="item-thumb" src={api.mediaUrl('thumb', sessionId, id)} alt="" loading="lazy" />
                <span className="item-main">
                  <span className="item-title">{img.relPath}</span>
                  <span className="item-sub">{img.error ?? 'No reason given.'}</span>
                </span>
                <span className={`reason-tag ${img.status === 'blocked' ? 'reason-blocked' : 'reason-failed'}`}>
                  {img.status === 'blocked' ? 'Blocked' : 'Failed'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
