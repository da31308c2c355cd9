import { captionError } from '../../../shared/caption';
import { defaultExportName, type ExportChoice, type ExportTarget, targetOf } from '../../../shared/export-presets';
import type { ExportProblem } from '../../../shared/progress';
import { api, unwrap } from '../api';
import { toUiError } from '../lib/errors';
import { problemsFrom } from '../lib/export-problems';
import { byCount, plural } from '../lib/format';
import { useCheck } from '../stores/check';
import { useExport } from '../stores/export';
import { toast } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { useWorkspace } from '../stores/workspace';
import { flushDrafts } from './captions';
import { checkBeforeExport } from './check';

/** Images the export would refuse, found before the options are even shown (no pointless choices). */
function missingCaptions(): ExportProblem[] {
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
 * Export…: saves typed captions, runs the dataset check (its panel takes over when it finds errors or warnings,
 * and the export waits for the user's "Export anyway"), refuses with the images that still need a caption, else
 * opens the options at the dataset's remembered preset. `checked`: the user has seen the check and chose to go on.
 */
export async function openExport({ checked = false } = {}): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) return;
  const store = useExport.getState();
  useUi.getState().open({ type: 'export' });
  store.set({ step: 'checking' });
  // A caption typed but not saved would be exported as its older text: stop and say so instead.
  if (!(await flushDrafts())) {
    store.set({
      step: 'error',
      choice: dataset.exportChoice,
      message: 'A caption you typed is not saved yet (see the message under it), so nothing was exported. Try again.',
    });
    return;
  }
  if (!checked && !(await checkBeforeExport(dataset.id))) {
    store.set({ step: 'idle' });
    useUi.getState().close();
    return;
  }
  useCheck.getState().close();
  const problems = missingCaptions();
  if (problems.length > 0) store.set({ step: 'blocked', message: blockedMessage(problems), problems });
  else store.set({ step: 'options', choice: dataset.exportChoice, note: null });
}

/** Where to write: a ZIP's name, a folder, or nothing to ask for captions written next to the photos. */
async function askWhere(target: ExportTarget, name: string): Promise<string | null | 'cancelled'> {
  if (target === 'beside') return null;
  const path =
    target === 'zip' ? await unwrap(api.chooseExportPath(name)) : ((await unwrap(api.chooseFolder()))?.[0] ?? null);
  return path ?? 'cancelled';
}

function cancelledNote(target: ExportTarget): string {
  return target === 'beside'
    ? 'Stopped: every caption file next to the photos is as it was before.'
    : 'Export cancelled: nothing was written.';
}

/** The options' Export button: asks where, writes with progress, then the report (or why not). */
export async function runExport(choice: ExportChoice): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) return;
  const store = useExport.getState();
  const target = targetOf(choice);
  let path: string | null | 'cancelled';
  try {
    if (target !== 'beside') store.set({ step: 'choosing', choice });
    path = await askWhere(target, defaultExportName(dataset.trigger, choice));
  } catch (e) {
    store.set({ step: 'error', choice, message: toUiError(e).message });
    return;
  }
  if (path === 'cancelled') {
    store.set({ step: 'options', choice, note: null });
    return;
  }
  store.set({ step: 'exporting', choice, path, progress: null, cancelling: false });
  try {
    const report = await unwrap(api.exportDataset(dataset.id, { choice, path }));
    store.set({ step: 'done', report });
  } catch (e) {
    const err = toUiError(e);
    const blocking = err.kind === 'validation' ? problemsFrom(err.details) : null;
    if (err.kind === 'cancelled') store.set({ step: 'options', choice, note: cancelledNote(target) });
    else if (blocking && blocking.length > 0) store.set({ step: 'blocked', message: err.message, problems: blocking });
    else store.set({ step: 'error', choice, message: err.message });
  } finally {
    // Main remembers the choice before it writes anything, whatever happens next.
    useWorkspace.getState().setExportChoice(choice);
  }
}

export async function cancelExport(): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) return;
  useExport.getState().cancelling();
  try {
    await unwrap(api.cancelExport(dataset.id));
  } catch (e) {
    toast('error', `Could not stop the export: ${toUiError(e).message}`);
  }
}

/** Options changed and the dialog closed without exporting: the next Export… opens with them. */
export async function rememberExportChoice(choice: ExportChoice): Promise<void> {
  const dataset = useWorkspace.getState().dataset;
  if (!dataset) return;
  useWorkspace.getState().setExportChoice(choice);
  try {
    await unwrap(api.setExportChoice(dataset.id, choice));
  } catch {
    // Only a convenience: the dialog opens with the older choice next time.
  }
}

export async function showInFolder(path: string): Promise<void> {
  try {
    await unwrap(api.showInFolder(path));
  } catch (e) {
    toast('error', `Could not show the file: ${toUiError(e).message}`);
  }
}
