import type { CheckFinding } from '../../../shared/check';
import { api, unwrap } from '../api';
import { toUiError } from '../lib/errors';
import { useCheck } from '../stores/check';
import { toast } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { applyBulkEdit } from './bulk';
import { flushDrafts } from './captions';
import { setExcluded } from './images';
import { reveal } from './navigation';

/**
 * Runs the dataset check and shows its panel. `forExport`: an export asked for it, and goes ahead when the
 * report has nothing worse than notes, or when the user says so. Resolves the report (null when it could not run).
 */
export async function openCheck(forExport = false): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) return;
  useCheck.getState().start(forExport);
  // The check reads saved captions: what was just typed counts.
  await flushDrafts();
  try {
    const report = await unwrap(api.checkDataset(dataset.id));
    const ws = useWorkspace.getState();
    if (ws.dataset?.id === dataset.id) useCheck.getState().done(report, ws.images);
  } catch (e) {
    useCheck.getState().failed(toUiError(e).message);
  }
}

/**
 * The check an export makes first. True: nothing worse than notes, the export goes on. False: the panel is open
 * with the findings (or why the check could not run) and an "Export anyway" for the user to choose.
 */
export async function checkBeforeExport(datasetId: string): Promise<boolean> {
  try {
    const report = await unwrap(api.checkDataset(datasetId));
    if (report.errors + report.warnings === 0) return true;
    useCheck.getState().start(true);
    useCheck.getState().done(report, useWorkspace.getState().images);
  } catch (e) {
    useCheck.getState().start(true);
    useCheck.getState().failed(toUiError(e).message);
  }
  return false;
}

/** Applies a finding's fix through the ordinary calls (one undoable step), then checks again. */
export async function applyFix(finding: CheckFinding): Promise<void> {
  const fix = finding.fix;
  if (!fix) return;
  try {
    if (fix.kind === 'regenerate') {
      // Regenerating may cost: the Caption dialog shows the model, price and time for these images first.
      reveal(fix.imageIds);
      useUi.getState().open({ type: 'caption', scope: 'selected' });
      return;
    }
    if (fix.kind === 'bulk-edit') await applyBulkEdit(fix.edit, fix.imageIds);
    else await setExcluded(fix.imageIds, true);
  } catch (e) {
    toast('error', `Could not apply “${fix.label}”: ${toUiError(e).message}`);
    return;
  }
  await openCheck(useCheck.getState().forExport);
}
