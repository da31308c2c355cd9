import type { ImageEntry } from '../../../shared/dataset';
import { openInOs, setExcluded } from '../actions/images';
import { regenerate } from '../actions/regenerate';
import { providerName } from '../lib/model-text';
import { IS_MAC } from '../lib/platform';
import { shortcutLabel } from '../lib/shortcuts';
import { isRunActive, useRun } from '../stores/run';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { Icon } from './Icon';

/** Per-image actions: regenerate, exclude/include, open the original in the OS. */
export function EditorActions({ image }: { image: ImageEntry }) {
  const running = useRun(isRunActive);
  const settings = useWorkspace((s) => s.dataset?.settings);
  return (
    <div className="editor-actions">
      <button
        type="button"
        className="btn"
        disabled={running}
        title={
          running
            ? 'Wait for the current run to finish'
            : `Ask ${settings ? providerName(settings) : 'Gemini'} for a new caption (${shortcutLabel('R', IS_MAC)})`
        }
        onClick={() => {
          // The button disables itself for the run; focus goes to the gallery rather than vanishing with it.
          useUi.getState().focusGallery();
          void regenerate(image.id);
        }}
      >
        <Icon name="refresh" size={15} /> Regenerate
      </button>
      <button
        type="button"
        className="btn"
        title={image.excluded ? 'Put this image back into the export (X)' : 'Leave this image out of the export (X)'}
        onClick={() => void setExcluded([image.id], !image.excluded)}
      >
        <Icon name={image.excluded ? 'eye' : 'eye-off'} size={15} /> {image.excluded ? 'Include' : 'Exclude'}
      </button>
      <div className="spacer" />
      <button
        type="button"
        className="btn btn-ghost"
        title="Open the original in your image viewer"
        onClick={() => void openInOs(image.id)}
      >
        <Icon name="external" size={15} /> Open
      </button>
    </div>
  );
}
