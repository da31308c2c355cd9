import { showInFolder, startExport } from '../actions/export';
import { goTo } from '../actions/navigation';
import { formatBytes, plural } from '../lib/format';
import { useExport } from '../stores/export';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { ProblemList } from './ProblemList';
import { ProgressBar } from './ProgressBar';

/** Export: blocked with the images to fix, progress while writing, then where it went and "Show in folder". */
export function ExportDialog() {
  const phase = useExport((s) => s.phase);
  const setPhase = useExport((s) => s.set);
  const closeUi = useUi((s) => s.close);
  const close = () => {
    setPhase({ step: 'idle' });
    closeUi();
  };
  const busy = phase.step === 'exporting' || phase.step === 'choosing' || phase.step === 'checking';
  const zip = phase.step !== 'idle' && phase.target === 'zip';
  const title = zip ? 'Export ZIP' : 'Export to folder';

  const jump = (id: string, filter: 'needs' | 'all' = 'needs') => {
    close();
    useWorkspace.getState().setFilter(filter);
    goTo(id);
    useUi.getState().focusCaption();
  };

  if (phase.step === 'idle') return null;

  if (phase.step === 'blocked') {
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
  }

  if (phase.step === 'done') {
    const r = phase.report;
    return (
      <Dialog
        title="Export complete"
        subtitle={<span className="mono small">{r.path}</span>}
        onClose={close}
        width={560}
        footer={
          <>
            <button type="button" className="btn" onClick={close}>
              Done
            </button>
            <button type="button" data-autofocus className="btn btn-primary" onClick={() => void showInFolder(r.path)}>
              <Icon name="folder" size={15} /> Show in folder
            </button>
          </>
        }
      >
        <div className="done-hero">
          <Icon name="check-circle" size={30} className="done-icon" />
          <div>
            <strong>{plural(r.images, 'image')} with captions</strong>
            <span className="muted">
              {formatBytes(r.bytes)} · {r.copied.toLocaleString('en-US')} copied as they are,{' '}
              {r.converted.toLocaleString('en-US')} converted to upright JPEG/PNG
            </span>
          </div>
        </div>
        {zip ? (
          <p className="muted">
            Upload this ZIP as the training images of your LoRA trainer (for example Replicate’s FLUX trainer).
          </p>
        ) : null}
        {r.warnings.length > 0 ? (
          <>
            <div className="callout warn">
              <Icon name="alert" />
              <span>
                {plural(r.warnings.length, 'original')} changed on disk since import; exported as they are now.
              </span>
            </div>
            <ProblemList problems={r.warnings} onPick={(id) => jump(id, 'all')} />
          </>
        ) : null}
      </Dialog>
    );
  }

  if (phase.step === 'error') {
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
              onClick={() => void startExport(phase.target)}
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

  const progress = phase.step === 'exporting' ? phase.progress : null;
  return (
    <Dialog title={title} onClose={close} busy={busy} width={520}>
      <div className="export-progress" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <div className="export-progress-main">
          <strong>
            {phase.step === 'checking'
              ? 'Checking the dataset…'
              : phase.step === 'choosing'
                ? 'Choose where to save…'
                : progress
                  ? `Writing ${progress.done.toLocaleString('en-US')} of ${plural(progress.total, 'image')}`
                  : 'Preparing…'}
          </strong>
          {phase.step === 'exporting' ? <span className="faint mono small ellipsis">{phase.path}</span> : null}
          <ProgressBar
            value={progress && progress.total > 0 ? progress.done / progress.total : null}
            label="Export progress"
          />
          {progress ? <span className="faint small">{formatBytes(progress.bytes)} written</span> : null}
        </div>
      </div>
    </Dialog>
  );
}
