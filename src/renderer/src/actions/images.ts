import { api, unwrap } from '../api';
import { toUiError } from '../lib/errors';
import { plural } from '../lib/format';
import { toast } from '../stores/toasts';
import { useWorkspace } from '../stores/workspace';
import { releaseFromBatch } from './batch';

/** Exclude or include images: shown at once, undone if the main process refuses. */
export async function setExcluded(ids: ReadonlyArray<string>, excluded: boolean): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset || ids.length === 0) return;
  useWorkspace.getState().setExcludedLocal(ids, excluded);
  try {
    await unwrap(api.setExcluded(dataset.id, [...ids], excluded));
    if (excluded) releaseFromBatch(dataset.id, ids);
    const what = ids.length === 1 ? 'Image' : plural(ids.length, 'image');
    toast('info', excluded ? `${what} excluded from the export.` : `${what} included in the export again.`);
  } catch (e) {
    useWorkspace.getState().setExcludedLocal(ids, !excluded);
    toast('error', `Could not change the export list: ${toUiError(e).message}`);
  }
}

export async function openInOs(imageId: string): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) return;
  try {
    await unwrap(api.openImage(dataset.id, imageId));
  } catch (e) {
    toast('error', `Could not open the image: ${toUiError(e).message}`);
  }
}
