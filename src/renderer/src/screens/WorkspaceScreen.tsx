import { CheckPanel } from '../components/CheckPanel';
import { Editor } from '../components/Editor';
import { FailedPanel } from '../components/FailedPanel';
import { FilterBar } from '../components/FilterBar';
import { Gallery } from '../components/Gallery';
import { ImportProgressLine } from '../components/ImportProgressLine';
import { RunBar } from '../components/RunBar';
import { SearchBar } from '../components/SearchBar';
import { TrainingBar } from '../components/TrainingBar';
import { WorkspaceHeader } from '../components/WorkspaceHeader';
import { useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { useImporting } from '../stores/importing';
import { useWorkspace } from '../stores/workspace';

/** Gallery on the left (with the last run's failures docked at its foot), editor on the right, run bar below. */
export function WorkspaceScreen() {
  useKeyboardShortcuts();
  const datasetId = useWorkspace((s) => s.dataset?.id);
  const importing = useImporting((s) => (s.datasetId !== null && s.datasetId === datasetId ? s.progress : undefined));
  return (
    <div className="screen workspace-screen">
      <WorkspaceHeader />
      <div className="workspace-body">
        <section className="gallery-pane" aria-label="Gallery">
          <SearchBar />
          <FilterBar />
          {importing !== undefined ? (
            <div className="gallery-importing">
              <ImportProgressLine progress={importing} />
            </div>
          ) : null}
          <Gallery />
          <CheckPanel />
          <FailedPanel />
        </section>
        <Editor />
      </div>
      <TrainingBar />
      <RunBar />
    </div>
  );
}
