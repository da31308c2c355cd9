import type { ImportProgress } from '../../../shared/progress';
import { baseName } from '../lib/path-text';
import { ProgressBar } from './ProgressBar';

/** "Processing 34 of 120 · IMG_0001.JPG" with a bar; indeterminate while the folder is still being scanned. */
export function ImportProgressLine({ progress }: { progress: ImportProgress | null }) {
  const scanning = !progress || progress.phase === 'scanning' || progress.total === 0;
  const text = scanning
    ? 'Looking for photos…'
    : `Processing ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}`;
  return (
    <div className="import-progress" aria-live="polite">
      <div className="import-progress-text">
        <span className="spinner" aria-hidden="true" />
        <strong>{text}</strong>
        {progress?.current ? <span className="faint ellipsis">{baseName(progress.current)}</span> : null}
      </div>
      <ProgressBar value={scanning ? null : progress.done / progress.total} label="Import progress" />
    </div>
  );
}
