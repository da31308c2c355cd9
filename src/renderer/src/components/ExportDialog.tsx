import { targetOf } from '../../../shared/export-presets';
import { cancelExport } from '../actions/export';
import { goTo } from '../actions/navigation';
import { formatBytes, plural } from '../lib/format';
import { useExport } from '../stores/export';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { Dialog } from './Dialog';
import { ExportDone } from './ExportDone';
import { ExportOptions } from './ExportOptions';
import { Icon } from './Icon';
import { ProblemList } from './ProblemList';
import { ProgressBar } from './ProgressBar';

/**
 * Export: the preset and its options, then the save prompt, progress (with Cancel), and where it went with
 * "Show in folder"; or the images to fix first; or what went wrong.
 */
export function ExportDialog() {
  const phase = useExport((s) => s.phase);
  const setPhase = useExport((s) => s.set);
  const closeUi = useUi((s) => s.close);
  const close = () => {
    setPhase({ step: 'idle' });
    closeUi();
  };

  const jump = (id: string, filter: 'needs' | 'all' = 'needs') => {
    close();
    useWorkspace.getState().setFilter(filter);
    goTo(id);
    useUi.getState().focusCaption();
  };

  switch (phase.step) {
    case 'idle':
      return null;
    case 'options':
      return <ExportOptions choice={phase.choice} note={phase.note} onClose={close} />;
    case 'done':
      return <ExportDone report={phase.report} onClose={close} onPick={(id) => jump(id, 'all')} />;
    case 'blocked':
      return (
        <Dialog
          title="Not ready to export yet"
          subtitle={phase.message}
          onClose={close}
          width={600}
          footer={
            <>
              <span className="footer-note">Excluded images are left out and do not block the export.</span>
              <button type="button" className="btn" onClick={close}>
                Close
              </button>
              <button
                type="button"
                data-autofocus
                className="btn btn-primary"
                onClick={() => {
                  const first = phase.problems[0];
                  if (first) jump(first.imageId);
                  else close();
                }}
              >
                Fix the first one
              </button>
            </>
          }
        >
          <ProblemList problems={phase.problems} onPick={(id) => jump(id)} />
        </Dialog>
      );
    case 'error':
      return (
        <Dialog
          title="Export failed"
          onClose={close}
          width={520}
          footer={
            <>
              <button type="button" className="btn" onClick={close}>
                Close
              </button>
              <button
                type="button"
                data-autofocus
                className="btn btn-primary"
                onClick={() => setPhase({ step: 'options', choice: phase.choice, note: null })}
              >
                Try again
              </button>
            </>
          }
        >
          <div className="callout error" role="alert">
            <Icon name="alert-circle" />
            <div className="callout-body">
              <span>{phase.message}</span>
              <span className="muted">
                Nothing half-written was left behind. Pick another place or free some space, then try again.
              </span>
            </div>
          </div>
        </Dialog>
      );
  }

  // Checking, choosing where, then writing: the dialog cannot be dismissed, but the writing can be cancelled.
  const writing = phase.step === 'exporting' ? phase : null;
  const progress = writing?.progress ?? null;
  const beside = phase.step !== 'checking' && targetOf(phase.choice) === 'beside';
  return (
    <Dialog
      title={beside ? 'Writing captions' : 'Exporting'}
      onClose={close}
      busy
      width={520}
      footer={
        writing ? (
          <button type="button" className="btn" disabled={writing.cancelling} onClick={() => void cancelExport()}>
            {writing.cancelling ? 'Stopping…' : 'Cancel'}
          </button>
        ) : undefined
      }
    >
      <div className="export-progress" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <div className="export-progress-main">
          <strong>
            {phase.step === 'checking'
              ? 'Checking the dataset…'
              : !writing
                ? 'Choose where to save…'
                : progress
                  ? `Writing ${progress.done.toLocaleString('en-US')} of ${plural(progress.total, 'image')}`
                  : 'Preparing…'}
          </strong>
          {writing?.path ? <span className="faint mono small ellipsis">{writing.path}</span> : null}
          <ProgressBar
            value={progress && progress.total > 0 ? progress.done / progress.total : null}
            label="Export progress"
          />
          {progress && !beside ? <span className="faint small">{formatBytes(progress.bytes)} written</span> : null}
        </div>
      </div>
    </Dialog>
  );
}
