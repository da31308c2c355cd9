import type { CheckFinding } from '../../../shared/check';
import { applyFix } from '../actions/check';
import { reveal } from '../actions/navigation';
import { api } from '../api';
import { plural } from '../lib/format';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { Icon, type IconName } from './Icon';

/** Thumbnails shown per finding; the rest are one click away ("Select all"). */
const SHOWN = 8;

const SEVERITY: Record<CheckFinding['severity'], { label: string; icon: IconName }> = {
  error: { label: 'Error', icon: 'alert-circle' },
  warning: { label: 'Warning', icon: 'alert' },
  info: { label: 'Note', icon: 'info' },
};

/**
 * One finding: how bad, what is wrong and why it matters, the images it concerns (a click shows one in the editor,
 * "Select" selects them all for a bulk edit), and its one-click fix.
 */
export function CheckFindingRow({ finding, busy }: { finding: CheckFinding; busy: boolean }) {
  const datasetId = useWorkspace((s) => s.dataset?.id ?? '');
  const images = useWorkspace((s) => s.images);
  const index = useWorkspace((s) => s.index);
  const names = finding.imageIds.slice(0, SHOWN).map((id) => images[index.get(id) ?? -1]?.relPath ?? id);
  const severity = SEVERITY[finding.severity];
  const n = finding.imageIds.length;
  const show = (id: string) => {
    reveal([id]);
    // Every error is a caption the export refuses: the field is where it gets fixed.
    if (finding.severity === 'error') useUi.getState().focusCaption();
  };
  return (
    <li className={`finding finding-${finding.severity}`}>
      <div className="finding-head">
        <span className={`severity-tag severity-${finding.severity}`}>
          <Icon name={severity.icon} size={13} /> {severity.label}
        </span>
        <span className="finding-message">{finding.message}</span>
        <code className="finding-rule" title="Rule id (the command line's check prints it too)">
          {finding.rule}
        </code>
      </div>
      {n > 0 ? (
        <ul className="finding-images" aria-label="Images">
          {finding.imageIds.slice(0, SHOWN).map((id, i) => (
            <li key={id}>
              <button type="button" className="finding-image" title={names[i]} onClick={() => show(id)}>
                <img src={api.mediaUrl('thumb', datasetId, id)} alt="" loading="lazy" />
                <span className="finding-image-name">{names[i]}</span>
                {finding.keep === id ? <span className="keep-tag">Kept</span> : null}
              </button>
            </li>
          ))}
          {n > SHOWN ? <li className="faint finding-more">and {(n - SHOWN).toLocaleString('en-US')} more</li> : null}
        </ul>
      ) : null}
      {n > 1 || finding.fix ? (
        <div className="finding-actions">
          {n > 1 ? (
            <button type="button" className="btn btn-sm" onClick={() => reveal(finding.imageIds)}>
              Select {plural(n, 'image')}
            </button>
          ) : null}
          {finding.fix ? (
            <button
              type="button"
              className="btn btn-sm btn-primary"
              disabled={busy}
              onClick={() => void applyFix(finding)}
            >
              {finding.fix.label}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
