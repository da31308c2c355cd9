import { useCallback } from 'react';
import { offerPaths, pathsOfDrop } from '../actions/sources';
import { useWindowDrop } from '../hooks/useWindowDrop';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { Icon } from './Icon';

/** The whole window is a drop target; this overlay says what a drop will do right now. */
export function DropZone() {
  const onDrop = useCallback((files: File[]) => {
    void pathsOfDrop(files).then((paths) => {
      if (paths) offerPaths(paths);
    });
  }, []);
  const dragging = useWindowDrop(onDrop);
  const screen = useUi((s) => s.screen);
  const dialog = useUi((s) => s.dialog?.type ?? null);
  const name = useWorkspace((s) => s.dataset?.name);
  if (!dragging) return null;
  const text =
    dialog === 'new-dataset'
      ? 'Drop to add to the new dataset'
      : screen === 'workspace' && name
        ? `Drop to add to “${name}”`
        : 'Drop a folder or photos to start a new dataset';
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <Icon name="upload" size={28} className="drop-icon" />
        <strong>{text}</strong>
        <span className="muted">
          Folders are searched inside; files that are not photos are reported, not imported.
        </span>
      </div>
    </div>
  );
}
