import { useEffect, useId, useRef, useState } from 'react';
import type { ImageEntry } from '../../../shared/dataset';
import { type ImageVersion, stepAuthorLabel } from '../../../shared/history';
import { loadImageHistory, restoreVersion } from '../actions/history';
import { toUiError } from '../lib/errors';
import { formatRelative } from '../lib/format';
import { useWorkspace } from '../stores/workspace';
import { CaptionDiffText } from './CaptionDiffText';
import { Icon } from './Icon';

/**
 * The image's earlier versions with who wrote each ("you", a model's name, "bulk replace"), newest first, each
 * compared with the caption now and restored with a click (a new step, itself undoable). Read only when opened,
 * and again whenever the image changes while it is open.
 */
export function ImageHistory({ image }: { image: ImageEntry }) {
  const datasetId = useWorkspace((s) => s.dataset?.id ?? '');
  const [open, setOpen] = useState(false);
  // Tagged with their image, so another image's versions are never shown while its own load.
  const [loaded, setLoaded] = useState<{ imageId: string; versions: ImageVersion[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open || datasetId === '') return;
    let live = true;
    setError(null);
    // `image` changes object whenever the image does (a caption saved, restored, undone): read its history again.
    loadImageHistory(datasetId, image.id)
      .then((versions) => live && setLoaded({ imageId: image.id, versions }))
      .catch((e) => live && setError(toUiError(e).message));
    return () => {
      live = false;
    };
  }, [open, datasetId, image]);
  const versions = loaded?.imageId === image.id ? loaded.versions : null;
  // The list opens below the fold of the editor's pane: bring it into view once it has its rows.
  useEffect(() => {
    if (open && versions) panel.current?.scrollIntoView({ block: 'nearest' });
  }, [open, versions]);
  const earlier = versions ? versions.filter((v) => !v.current).reverse() : [];
  const now = Date.now();
  return (
    <div className="image-history">
      <button
        type="button"
        className="btn btn-ghost btn-sm history-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <Icon name="history" size={14} /> Earlier versions{versions && open ? ` (${earlier.length})` : ''}
        <Icon name={open ? 'chevron-up' : 'chevron-down'} size={14} />
      </button>
      <div id={listId} ref={panel} hidden={!open}>
        {error ? <p className="field-error">Could not read the history: {error}</p> : null}
        {open && versions && earlier.length === 0 ? (
          <p className="faint small">No earlier versions: this caption is the first this image has had.</p>
        ) : null}
        {earlier.length > 0 ? (
          <ol className="version-list">
            {earlier.map((v) => (
              <li key={v.id}>
                <div className="version-meta">
                  <strong>{stepAuthorLabel(v.action, v.model)}</strong>
                  <span className="faint">{v.at ? formatRelative(v.at, now) : 'when imported'}</span>
                  {v.excluded !== image.excluded ? (
                    <span className="chip gray">{v.excluded ? 'excluded' : 'included'}</span>
                  ) : null}
                  <div className="spacer" />
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={`Restore the version by ${stepAuthorLabel(v.action, v.model)}`}
                    onClick={() => void restoreVersion(image.id, v)}
                  >
                    Restore
                  </button>
                </div>
                <div className="version-caption">
                  {v.caption === null ? (
                    <span className="faint">No caption</span>
                  ) : image.caption === null ? (
                    v.caption
                  ) : (
                    <CaptionDiffText before={image.caption} after={v.caption} />
                  )}
                </div>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </div>
  );
}
