import type { RunProgress, RunSummary } from '../core/captioner';
import { stoppedRunSummary } from '../core/captioner';
import type { DatasetStore } from '../core/datasets';
import { exportDataset } from '../core/exporter';
import { createOsKeychain } from '../core/secrets';
import { captionDataset, importIntoDataset, providerFor } from '../core/workflow';
import type { DatasetManifest } from '../shared/dataset';
import { isAppError } from '../shared/errors';
import type { ExportChoice } from '../shared/export-presets';
import type { ExportReport } from '../shared/progress';
import type { ProgressReporter } from './progress';

/**
 * The three steps of `caption`, each turning the ways it can stop early into a message for the summary (so the
 * summary and the --json object are printed whatever happened) and rethrowing only what nobody can act on.
 */

export interface StepContext {
  store: DatasetStore;
  datasetId: string;
  progress: ProgressReporter;
  signal: AbortSignal;
}

/** All or nothing: a stopped import adds nothing. */
export async function importStep(
  c: StepContext,
  paths: string[],
): Promise<{ manifest: DatasetManifest | null; error: string | null }> {
  try {
    const imported = await importIntoDataset(c.store, c.datasetId, paths, {
      signal: c.signal,
      onProgress: (p) => c.progress.importing(p),
    });
    c.progress.stop();
    c.progress.line(
      `Imported ${imported.added.length} new image(s); ${imported.manifest.images.length} in the dataset.`,
    );
    return { manifest: imported.manifest, error: null };
  } catch (e) {
    c.progress.stop();
    if (!c.signal.aborted) throw e;
    return { manifest: null, error: 'Import stopped: nothing new was added. Run the same command again to continue.' };
  }
}

export interface CaptionStepResult {
  run: RunSummary | null;
  error: string | null;
  /** Nothing more can be done without the user: no or a bad key, no quota left, the model or connection gone. */
  fatal: boolean;
}

const FATAL_STATUSES: ReadonlySet<string> = new Set(['invalid-key', 'model-not-found', 'quota-exhausted']);

export async function captionStep(c: StepContext, jobs: number, recaption: boolean): Promise<CaptionStepResult> {
  const { settings } = await c.store.load(c.datasetId);
  const setup = await providerFor(settings, createOsKeychain(), process.env);
  if (!setup) {
    const error = 'No Gemini API key: set GEMINI_API_KEY, or store one with `npm run cli -- key set`.';
    return { run: null, error, fatal: true };
  }
  let last: RunProgress | null = null;
  const startedAt = Date.now();
  const handle = await captionDataset(c.store, c.datasetId, {
    ...setup,
    recaption,
    signal: c.signal,
    onProgress: (p) => {
      last = p;
      c.progress.captioning(p);
    },
  });
  try {
    const run = await handle.done;
    return { run, error: run.message, fatal: FATAL_STATUSES.has(run.status) };
  } catch (e) {
    // Gemini stayed unreachable: every caption received is saved; the summary says what was done and is left.
    if (!isAppError(e) || e.kind !== 'network') throw e;
    return { run: stoppedRunSummary(last, jobs, e.message, Date.now() - startedAt), error: e.message, fatal: true };
  } finally {
    c.progress.stop();
  }
}

export interface ExportStepResult {
  /** What was written (null when refused or stopped). */
  report: ExportReport | null;
  warnings: string[];
  error: string | null;
}

/** Refused (a caption or an original missing, nothing to export) or stopped: nothing written, the summary says why. */
export async function exportStep(
  c: StepContext,
  manifest: DatasetManifest,
  target: { choice: ExportChoice; path: string | null },
): Promise<ExportStepResult> {
  try {
    const report = await exportDataset({
      ...{ images: manifest.images, trigger: manifest.trigger, signal: c.signal },
      ...target,
      onProgress: (p) => c.progress.exporting(p),
    });
    c.progress.stop();
    const warnings = report.warnings.map((w) => `${w.relPath}: ${w.message}`);
    return { report, warnings, error: null };
  } catch (e) {
    c.progress.stop();
    if (!c.signal.aborted && !(isAppError(e) && e.kind === 'validation')) throw e;
    const error = c.signal.aborted ? 'Export stopped: nothing was written.' : (e as Error).message;
    return { report: null, warnings: [], error };
  }
}
