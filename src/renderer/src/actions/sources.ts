import { api, unwrap } from '../api';
import { askForPath } from '../api/path-prompt';
import { toUiError } from '../lib/errors';
import { toast } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { addToOpenDataset } from './importing';

/** The folder or files picker (native in Electron, the in-page prompt in the preview); null when cancelled. */
export async function chooseSources(kind: 'folder' | 'files'): Promise<string[] | null> {
  try {
    return await unwrap(kind === 'folder' ? api.chooseFolder() : api.chooseFiles());
  } catch (e) {
    toast('error', `Could not open the picker: ${toUiError(e).message}`);
    return null;
  }
}

/**
 * Paths of dropped items. Electron knows them; a browser page does not, so the preview asks for them instead.
 */
export async function pathsOfDrop(files: File[]): Promise<string[] | null> {
  if (files.length === 0) return null;
  const known = api.pathsForFiles(files);
  if (known && known.length > 0) return known;
  return askForPath({ kind: 'files' });
}

function merge(a: ReadonlyArray<string>, b: ReadonlyArray<string>): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Where dropped or chosen paths go depends on where the user is: into the New dataset dialog when it is open,
 * into the open dataset in the workspace, otherwise they start a new dataset.
 */
export function offerPaths(paths: string[]): void {
  if (paths.length === 0) return;
  const ui = useUi.getState();
  if (ui.dialog?.type === 'new-dataset') {
    ui.open({ type: 'new-dataset', paths: merge(ui.dialog.paths, paths) });
  } else if (ui.dialog) {
    toast('info', 'Close this dialog first, then drop the photos again.');
  } else if (ui.screen === 'workspace') {
    void addToOpenDataset(paths);
  } else {
    ui.open({ type: 'new-dataset', paths });
  }
}

/** "New dataset" with the folder picker already open (menu: Open Folder…). */
export async function newDatasetFromFolder(): Promise<void> {
  useUi.getState().open({ type: 'new-dataset', paths: [] });
  const paths = await chooseSources('folder');
  if (paths) offerPaths(paths);
}
