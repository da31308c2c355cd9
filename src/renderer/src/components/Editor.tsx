import { move } from '../actions/navigation';
import { formatBytes } from '../lib/format';
import { providerName } from '../lib/model-text';
import { displayStatus } from '../lib/status';
import { writtenByText } from '../lib/written-by';
import { visibleIds } from '../stores/visible';
import { currentImage, useWorkspace } from '../stores/workspace';
import { CaptionField } from './CaptionField';
import { EditorActions } from './EditorActions';
import { EditorPreview } from './EditorPreview';
import { Icon } from './Icon';
import { ImageHistory } from './ImageHistory';
import { ImageProblem } from './ImageProblem';
import { StatusBadge } from './StatusBadge';

/** The right-hand pane: the selected image large and upright, its caption, and what can be done with it. */
export function Editor() {
  const dataset = useWorkspace((s) => s.dataset);
  const image = useWorkspace(currentImage);
  const transient = useWorkspace((s) => (s.currentId ? s.transient[s.currentId] : undefined));
  // Counted in the list the gallery shows, so "3 of 12" under "Needs caption" means what the user sees.
  const position = useWorkspace((s) => (s.currentId ? visibleIds(s).indexOf(s.currentId) + 1 : 0));
  const total = useWorkspace((s) => visibleIds(s).length);

  if (!dataset || !image) {
    return (
      <aside className="editor editor-empty" aria-label="Caption editor">
        <Icon name="image" size={28} />
        <span className="muted">Select an image to see it large and edit its caption.</span>
      </aside>
    );
  }
  const status = displayStatus(image, transient);
  const { settings } = dataset;
  const written = writtenByText(image, settings.provider === 'openai' ? providerName(settings) : null);
  return (
    <aside className="editor" aria-label="Caption editor">
      <EditorPreview datasetId={dataset.id} image={image} />
      <div className="editor-body">
        <div className="editor-meta">
          <div className="editor-title">
            <h2 title={image.relPath}>{image.relPath}</h2>
            <span className="faint">
              {image.width.toLocaleString('en-US')} × {image.height.toLocaleString('en-US')} ·{' '}
              {image.format.toUpperCase()} · {formatBytes(image.bytes)} · {position.toLocaleString('en-US')} of{' '}
              {total.toLocaleString('en-US')}
            </span>
          </div>
          {/* Moving keys (J/K, arrows) keep working after a click on these buttons; Enter still presses them. */}
          <div className="editor-nav" data-shortcuts="move">
            <button
              type="button"
              className="btn icon-btn btn-sm"
              aria-label="Previous image (K)"
              title="Previous (K or ←)"
              onClick={() => move('left')}
            >
              <Icon name="chevron-left" />
            </button>
            <button
              type="button"
              className="btn icon-btn btn-sm"
              aria-label="Next image (J)"
              title="Next (J or →)"
              onClick={() => move('right')}
            >
              <Icon name="chevron-right" />
            </button>
          </div>
        </div>
        <div className="editor-badges">
          <StatusBadge status={status} />
          {image.excluded ? <span className="chip gray">Excluded from export</span> : null}
          {written ? (
            <span className="faint written-note" title={written}>
              {written}
            </span>
          ) : null}
        </div>
        <CaptionField image={image} trigger={dataset.trigger} />
        <EditorActions image={image} />
        <ImageHistory image={image} />
        {/* Below the actions, so the caption field sits at the same place for every image. */}
        <ImageProblem image={image} />
      </div>
    </aside>
  );
}
