import { resolve } from 'node:path';
import { appPaths } from '../core/app-paths';
import { createDatasetStore, type DatasetStore } from '../core/datasets';
import { defaultZipName } from '../core/exporter';
import { selectJobs } from '../core/workflow';
import { triggerError } from '../shared/caption';
import type { DatasetSettings } from '../shared/dataset';
import { isAppError } from '../shared/errors';
import { serverName } from '../shared/servers';
import { type CaptionStepResult, captionStep, exportStep, importStep, type StepContext } from './caption-steps';
import { openOrCreateDataset, type SettingsFlags } from './dataset-setup';
import { EXIT, exitCodeOf } from './exit-codes';
import { createProgressReporter, type ProgressReporter } from './progress';
import { buildResult, formatSummary, uncaptioned } from './summary';

export interface CaptionFlags extends SettingsFlags {
  trigger: string;
  out?: string;
  recaption: boolean;
  json: boolean;
}

/** import -> caption what is missing -> export, resuming the dataset for the same folder and trigger. */
export async function runCaptionCommand(paths: string[], flags: CaptionFlags): Promise<number> {
  const problem = triggerError(flags.trigger);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    return EXIT.usage;
  }
  const store = createDatasetStore(appPaths());
  const progress = createProgressReporter();
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(130);
    progress.line('Stopping… captions received so far are saved. Press Ctrl+C again to quit at once.');
    stop.abort(new Error('Cancelled by the user.'));
  };
  process.on('SIGINT', onSigint);
  try {
    return await captionFlow(store, paths, flags, progress, stop.signal);
  } catch (e) {
    progress.stop();
    process.stderr.write(`${isAppError(e) || e instanceof Error ? e.message : String(e)}\n`);
    if (stop.signal.aborted) return EXIT.interrupted;
    return isAppError(e) ? exitCodeOf(e.kind) : EXIT.fatal;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function captionFlow(
  store: DatasetStore,
  paths: string[],
  flags: CaptionFlags,
  progress: ProgressReporter,
  signal: AbortSignal,
): Promise<number> {
  const { manifest: opened, resumed } = await openOrCreateDataset(store, paths, flags.trigger, flags);
  progress.line(`${resumed ? 'Resuming' : 'New'} dataset ${opened.id} (${describeSettings(opened.settings)})`);
  const c: StepContext = { store, datasetId: opened.id, progress, signal };
  const imported = await importStep(c, paths);
  const jobs = imported.manifest ? selectJobs(imported.manifest.images, { recaption: flags.recaption }).length : 0;
  const captioned: CaptionStepResult =
    jobs > 0 && !signal.aborted
      ? await captionStep(c, jobs, flags.recaption)
      : { run: null, error: null, fatal: false };

  const manifest = await store.load(opened.id);
  const before = imported.error ?? captioned.error;
  const ready = uncaptioned(manifest).length === 0 && !signal.aborted && before === null;
  const exported = ready
    ? await exportStep(c, manifest, resolve(flags.out ?? defaultZipName(manifest.trigger)))
    : { zip: null, warnings: [], error: null };

  const { zip, warnings } = exported;
  const result = buildResult(manifest, { zip, run: captioned.run, error: before ?? exported.error, warnings });
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`${formatSummary(result, manifest)}\n`);
  if (zip) return EXIT.ok;
  if (signal.aborted) return EXIT.interrupted;
  return captioned.fatal ? EXIT.fatal : EXIT.incomplete;
}

/** "gemini-2.5-flash, 10 requests/min" or "qwen2.5vl:7b on Ollama (127.0.0.1:11434), no rate limit". */
function describeSettings(s: DatasetSettings): string {
  const where = s.provider === 'openai' && s.baseUrl ? ` on ${serverName(s.baseUrl)}` : '';
  return `${s.model}${where}, ${s.rpm === null ? 'no rate limit' : `${s.rpm} requests/min`}`;
}
