import { api, unwrap } from '../api';
import { toUiError } from '../lib/errors';
import { plural } from '../lib/format';
import { toast } from '../stores/toasts';
import { useWorkspace } from '../stores/workspace';

/** Exclude or include images: shown at once, undone if the main process refuses. */
export async function setExcluded(ids: ReadonlyArray<string>, excluded: boolean): Promise<void> {
  const session = useWorkspace.getState().session;
  if (!session || ids.length === 0) return;
  useWorkspace.getState().setExcludedLocal(ids, excluded);
  try {
    await unwrap(api.setExcluded(session.id, [...ids], excluded));
    const what = ids.length === 1 ? 'Image' : plural(ids.length, 'image');
    toast('info', excluded ? `${what} excluded from the export.` : `${what} included in the export again.`);
  } catch (e) {
    useWorkspace.getState().setExcludedLocal(ids, !excluded);
    toast('error', `Could not change the export list: ${toUiError(e).message}`);
  }
}

export async function openInOs(imageId: string): Promise<void> {
  const session = useWorkspace.getState().session;
  if (!session) return;
  try {
    await unwrap(api.openImage(session.id, imageId));
  } catch (e) {
    toast('error', `Could not open the image: ${toUiError(e).message}`);
  }
}
