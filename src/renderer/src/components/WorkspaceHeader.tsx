import { openBulkEdit } from '../actions/bulk';
import { openCheck } from '../actions/check';
import { closeDataset } from '../actions/datasets';
import { openExport } from '../actions/export';
import { addToOpenDataset } from '../actions/importing';
import { chooseSources } from '../actions/sources';
import { plural } from '../lib/format';
import { isRunActive, useRun } from '../stores/run';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { AppHeader } from './AppHeader';
import { HistoryButtons } from './HistoryButtons';
import { Icon } from './Icon';
import { MenuButton } from './MenuButton';

/** The workspace's top bar: back to datasets, the dataset's name and trigger, and the main actions. */
export function WorkspaceHeader() {
  const dataset = useWorkspace((s) => s.dataset);
  const count = useWorkspace((s) => s.images.length);
  const selected = useWorkspace((s) => s.selected.size);
  const running = useRun(isRunActive);
  const open = useUi((s) => s.open);
  if (!dataset) return null;

  const addFolder = async () => {
    const paths = await chooseSources('folder');
    if (paths) await addToOpenDataset(paths);
  };

  return (
    <AppHeader
      left={
        <div className="ws-title">
          <button
            type="button"
            className="btn btn-ghost icon-btn"
            aria-label="Back to datasets"
            title="Back to datasets"
            onClick={() => void closeDataset()}
          >
            <Icon name="arrow-left" />
          </button>
          <h1 title={dataset.name}>{dataset.name}</h1>
          <span className="chip" title="Trigger word">
            {dataset.trigger}
          </span>
          <span className="faint nowrap">{plural(count, 'image')}</span>
        </div>
      }
    >
      <HistoryButtons />
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => void addFolder()}
        title="Add a folder of photos to this dataset"
      >
        <Icon name="plus" size={15} /> <span className="narrow-hide">Add folder…</span>
      </button>
      <button
        type="button"
        className="btn"
        disabled={count === 0}
        title="Look for what would hurt training, with a fix for each"
        onClick={() => void openCheck()}
      >
        <Icon name="list-checks" size={15} /> <span className="narrow-hide">Check</span>
      </button>
      <button
        type="button"
        className="btn"
        disabled={count === 0}
        title={`Find and replace, add or remove text, exclude or regenerate: ${selected > 1 ? 'the selected images' : 'every image shown'} (B)`}
        onClick={() => openBulkEdit()}
      >
        <Icon name="pencil" size={15} /> <span className="narrow-hide">Bulk edit…</span>
      </button>
      <button
        type="button"
        className="btn btn-primary"
        disabled={running || count === 0}
        title={running ? 'A run is going' : 'Caption the images that need it (or your selection)'}
        onClick={() => open({ type: 'caption', scope: selected > 1 ? 'selected' : 'needs' })}
      >
        <Icon name="sparkles" size={15} /> Caption…
      </button>
      <div className="split">
        <button type="button" className="btn split-head" disabled={count === 0} onClick={() => void openExport()}>
          <Icon name="archive" size={15} /> Export…
        </button>
        <MenuButton
          label="More export options"
          disabled={count === 0}
          items={[
            {
              label: 'Train on Replicate…',
              icon: <Icon name="sparkles" size={15} />,
              onSelect: () => open({ type: 'train' }),
            },
          ]}
        />
      </div>
    </AppHeader>
  );
}
