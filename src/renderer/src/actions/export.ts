import { captionError } from '../../../shared/caption';
import type { ExportProblem } from '../../../shared/progress';
import { api, unwrap } from '../api';
import { toUiError } from '../lib/errors';
import { problemsFrom } from '../lib/export-problems';
import { byCount, plural } from '../lib/format';
import { useCheck } from '../stores/check';
import { type ExportTarget, useExport } from '../stores/export';
import { toast } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { flushDrafts } from './captions';
import { checkBeforeExport } from './check';

/** Images the export would refuse, found before asking for a destination (no pointless save dialog). */
function localProblems(): ExportProblem[] {
  const { images, dataset } = useWorkspace.getState();
  const trigger = dataset?.trigger ?? '';
  const problems: ExportProblem[] = [];
  for (const img of images) {
    if (img.excluded) continue;
    const message = captionError(img.caption, trigger);
    if (message)
      problems.push({ imageId: img.id, relPath: img.relPath, exportName: img.exportName, severity: 'error', message });
  }
  return problems;
}

function blockedMessage(problems: ReadonlyArray<ExportProblem>): string {
  const n = problems.length;
  return `${plural(n, 'image')} still ${byCount(n, 'needs', 'need')} a valid caption. Fix or exclude ${byCount(n, 'it', 'them')}, then export again.`;
}

/**
 * The whole export flow: save drafts, run the dataset check (its panel takes over when it finds errors or
 * warnings, and the export waits for the user's "Export anyway"), ask where, write with progress, then report.
 * `checked`: the user has seen the check and chose to go on.
 */
export async function startExport(target: ExportTarget, { checked = false } = {}): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) return;
  const store = useExport.getState();
  useUi.getState().open({ type: 'export' });
  store.set({ step: checked ? 'choosing' : 'checking', target });
  // A caption typed but not saved would be exported as its older text: stop and say so instead.
  if (!(await flushDrafts())) {
    store.set({
      step: 'error',
      target,
      message: 'A caption you typed is not saved yet (see the message under it), so nothing was exported. Try again.',
    });
    return;
  }
  if (!checked) {
    if (!(await checkBeforeExport(dataset.id, target))) {
      store.set({ step: 'idle' });
      useUi.getState().close();
      return;
    }
    store.set({ step: 'choosing', target });
  }
  useCheck.getState().close();
  const problems = localProblems();
  if (problems.length > 0) {
    store.set({ step: 'blocked', target, message: blockedMessage(problems), problems });
    return;
  }
  try {
    const path =
      target === 'zip'
        ? await unwrap(api.chooseExportPath(`${dataset.trigger}_training.zip`))
        : ((await unwrap(api.chooseFolder()))?.[0] ?? null);
    if (path === null) {
      store.set({ step: 'idle' });
      useUi.getState().close();
      return;
    }
    store.set({ step: 'exporting', target, path, progress: null });
    const report = await unwrap(
      target === 'zip' ? api.exportZip(dataset.id, path) : api.exportFolder(dataset.id, path),
    );
    store.set({ step: 'done', target, report });
  } catch (e) {
    const err = toUiError(e);
    const blocking = err.kind === 'validation' ? problemsFrom(err.details) : null;
    if (blocking && blocking.length > 0)
      store.set({ step: 'blocked', target, message: err.message, problems: blocking });
    else store.set({ step: 'error', target, message: err.message });
  }
}

export async function showInFolder(path: string): Promise<void> {
  try {
    await unwrap(api.showInFolder(path));
  } catch (e) {
    toast('error', `Could not show the file: ${toUiError(e).message}`);
  }
}
