import type { ImageEntry } from '../../../shared/dataset';
import { regenerate } from '../actions/regenerate';
import { capitalised, providerName } from '../lib/model-text';
import { isRunActive, useRun } from '../stores/run';
import { useWorkspace } from '../stores/workspace';
import { Icon } from './Icon';

/** Why the model could not caption this image, in its words, and the next step. */
export function ImageProblem({ image }: { image: ImageEntry }) {
  const running = useRun(isRunActive);
  const settings = useWorkspace((s) => s.dataset?.settings);
  if (image.error === null) return null;
  const blocked = image.status === 'blocked';
  const kept = image.status === 'captioned' || image.status === 'edited';
  return (
    <div className={`callout ${blocked ? 'warn' : 'error'}`} role="status">
      <Icon name={blocked ? 'alert' : 'alert-circle'} />
      <div className="callout-body">
        <span>
          <strong>
            {blocked
              ? `${capitalised(settings ? providerName(settings) : 'Gemini')} refused this image.`
              : kept
                ? 'The last recaption failed.'
                : 'Captioning failed.'}
          </strong>{' '}
          {image.error}
        </span>
        <span className="muted">
          {blocked
            ? 'Write the caption yourself, or exclude the image from the export.'
            : kept
              ? 'The previous caption was kept.'
              : 'Retry, or write the caption yourself.'}
        </span>
      </div>
      {blocked ? null : (
        <button type="button" className="btn btn-sm" disabled={running} onClick={() => void regenerate(image.id)}>
          <Icon name="refresh" size={14} /> Retry
        </button>
      )}
    </div>
  );
}
