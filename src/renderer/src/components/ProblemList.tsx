import type { ExportProblem } from '../../../shared/progress';
import { api } from '../api';
import { useWorkspace } from '../stores/workspace';
import { Icon } from './Icon';

/** Images an export refused (or warned about); clicking one opens it in the editor. */
export function ProblemList({ problems, onPick }: { problems: ExportProblem[]; onPick: (id: string) => void }) {
  const datasetId = useWorkspace((s) => s.dataset?.id ?? '');
  return (
    <ul className="item-list problem-list">
      {problems.map((p) => (
        <li key={`${p.imageId}:${p.message}`}>
          <button type="button" className="item-row" onClick={() => onPick(p.imageId)}>
            <img className="item-thumb" src={api.mediaUrl('thumb', datasetId, p.imageId)} alt="" loading="lazy" />
            <span className="item-main">
              <span className="item-title">{p.relPath}</span>
              <span className="item-sub">{p.message}</span>
            </span>
            <Icon name="chevron-right" size={15} className="faint" />
          </button>
        </li>
      ))}
    </ul>
  );
}
