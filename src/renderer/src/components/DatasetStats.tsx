import { useMemo } from 'react';
import { filterCounts } from '../lib/filters';
import { byCount, plural } from '../lib/format';
import { IS_MAC } from '../lib/platform';
import { shortcutLabel } from '../lib/shortcuts';
import { useWorkspace } from '../stores/workspace';

/** The idle run bar: how far the dataset is, and the shortcuts that make review fast. */
export function DatasetStats() {
  const images = useWorkspace((s) => s.images);
  const trigger = useWorkspace((s) => s.dataset?.trigger ?? '');
  const counts = useMemo(() => filterCounts(images, trigger), [images, trigger]);
  const excluded = useMemo(() => images.filter((i) => i.excluded).length, [images]);
  const included = images.length - excluded;
  const ready = included - counts.needs;
  return (
    <>
      <div className="dataset-progress" title={`${ready} of ${included} included images have a valid caption`}>
        <span className="mini-progress wide" aria-hidden="true">
          <span style={{ width: `${included === 0 ? 0 : Math.round((ready / included) * 100)}%` }} />
        </span>
        <span>
          <strong>{ready.toLocaleString('en-US')}</strong> of {included.toLocaleString('en-US')} ready to export
        </span>
        {counts.needs > 0 ? (
          <span className="faint">
            · {plural(counts.needs, 'image')} {byCount(counts.needs, 'needs', 'need')} a caption
          </span>
        ) : null}
        {excluded > 0 ? <span className="faint">· {excluded.toLocaleString('en-US')} excluded</span> : null}
      </div>
      <div className="spacer" />
      <span className="shortcut-hint faint">
        <kbd>←</kbd>
        <kbd>→</kbd> move · <kbd>↵</kbd> edit · <kbd>{shortcutLabel('Enter', IS_MAC)}</kbd> save &amp; next ·{' '}
        <kbd>{shortcutLabel('R', IS_MAC)}</kbd> regenerate
      </span>
    </>
  );
}
