import type { ImportReport } from '../../../shared/contract';
import { api, unwrap } from '../api';
import { toUiError, type UiErrorLike } from '../lib/errors';
import { plural } from '../lib/format';
import { useImporting } from '../stores/importing';
import { toast } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { openDataset } from './datasets';

export interface NewDataset {
  trigger: string;
  name: string;
  paths: string[];
}

/**
 * Creates a dataset and imports the dropped paths into it, then opens it and shows the import report. Returns
 * the error for the dialog to show next to its button (the dialog stays open so nothing typed is lost).
 */
export async function createDataset(input: NewDataset): Promise<UiErrorLike | null> {
  let datasetId: string | null = null;
  try {
    const name = input.name.trim();
    const manifest = await unwrap(
      api.createDataset(name ? { trigger: input.trigger, name } : { trigger: input.trigger }),
    );
    datasetId = manifest.id;
    const report = await importInto(manifest.id, input.paths);
    await openDataset(manifest.id);
    useUi.getState().open({ type: 'import-report', report });
    return null;
  } catch (e) {
    useImporting.getState().end();
    const err = toUiError(e);
    // The dataset exists even if the import failed: open it so the user can retry by dropping again.
    if (datasetId) {
      await openDataset(datasetId);
      toast('error', `The dataset was created but the import failed: ${err.message}`);
      useUi.getState().close();
      return null;
    }
    return err;
  }
}

/** Adds more photos to the open dataset (a drop on the workspace, or "Add photos…"). */
export async function addToOpenDataset(paths: string[]): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset || paths.length === 0) return;
  try {
    const report = await importInto(dataset.id, paths);
    useWorkspace.getState().refresh(await unwrap(api.openDataset(dataset.id)));
    useUi.getState().open({ type: 'import-report', report });
  } catch (e) {
    toast('error', `Import failed: ${toUiError(e).message}`);
  }
}

async function importInto(datasetId: string, paths: string[]): Promise<ImportReport> {
  useImporting.getState().begin(datasetId);
  try {
    return await unwrap(api.importPaths(datasetId, paths));
  } finally {
    useImporting.getState().end();
  }
}

/** A one-line summary of an import, for the report's heading and toasts. */
export function importHeadline(report: ImportReport): string {
  const added = report.added === 0 ? 'No new images' : `${plural(report.added, 'image')} added`;
  const skipped = report.skipped.length > 0 ? `, ${plural(report.skipped.length, 'file')} skipped` : '';
  return `${added}${skipped}`;
}
