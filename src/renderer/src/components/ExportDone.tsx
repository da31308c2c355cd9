import type { ExportReport } from '../../../shared/progress';
import { showInFolder } from '../actions/export';
import { nextStep, PRESET_INFO, reportDetail } from '../lib/export-text';
import { plural } from '../lib/format';
import { Dialog } from './Dialog';
import { Icon } from './Icon';
import { ProblemList } from './ProblemList';
import { WrittenFiles } from './WrittenFiles';

/** Where the export went and what it holds, the next step for the trainer, and Show in folder. */
export function ExportDone({
  report: r,
  onClose,
  onPick,
}: {
  report: ExportReport;
  onClose: () => void;
  onPick: (imageId: string) => void;
}) {
  const beside = r.target === 'beside';
  return (
    <Dialog
      title={beside ? 'Captions written' : 'Export complete'}
      subtitle={<span className="mono small">{r.path}</span>}
      onClose={onClose}
      width={beside ? 640 : 560}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
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
          <strong>
            {plural(r.images, 'image')} with captions · {PRESET_INFO[r.preset].label}
          </strong>
          <span className="muted">{reportDetail(r)}</span>
        </div>
      </div>
      <p className="muted">{nextStep(r)}</p>
      {r.warnings.length > 0 ? (
        <>
          <div className="callout warn">
            <Icon name="alert" />
            <span>{plural(r.warnings.length, 'original')} changed on disk since import; exported as they are now.</span>
          </div>
          <ProblemList problems={r.warnings} onPick={onPick} />
        </>
      ) : null}
      {beside ? <WrittenFiles written={r.written} backups={r.backups} /> : null}
    </Dialog>
  );
}
