import { baseName, parentOf } from '../lib/path-text';
import { Icon } from './Icon';

/** The folders and files chosen for import, each removable before the import starts. */
export function SourceList({
  paths,
  onRemove,
  disabled,
}: {
  paths: string[];
  onRemove: (path: string) => void;
  disabled?: boolean;
}) {
  return (
    <ul className="source-list">
      {paths.map((p) => (
        <li key={p}>
          <Icon name={/\.[a-z0-9]{2,5}$/iu.test(p) ? 'image' : 'folder'} size={15} />
          <span className="source-name">{baseName(p)}</span>
          {/* Right-to-left box so a long path is cut at its start; <bdi> keeps the path itself left-to-right. */}
          <span className="source-parent faint" title={p}>
            <bdi>{parentOf(p)}</bdi>
          </span>
          <button
            type="button"
            className="btn btn-ghost icon-btn btn-sm"
            aria-label={`Remove ${baseName(p)}`}
            disabled={disabled}
            onClick={() => onRemove(p)}
          >
            <Icon name="x" size={14} />
          </button>
        </li>
      ))}
    </ul>
  );
}
