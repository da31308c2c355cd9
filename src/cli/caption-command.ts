import { selectJobs } from '../core/workflow';
import { triggerError } from '../shared/caption';
import type { DatasetManifest, DatasetSettings } from '../shared/dataset';
import { isAppError } from '../shared/errors';
import { serverName } from '../shared/servers';
import { type BatchStepResult, batchStep } from './batch-step';
import { captionStep, exportStep, importStep, type StepContext } from './caption-steps';
import { type CommandContext, runCommand } from './command-run';
import { openOrCreateDataset, type SettingsFlags } from './dataset-setup';
import { EXIT } from './exit-codes';
import { type ExportFlags, exportTargetOf } from './export-flags';
import { buildResult, exportedFields, formatSummary, uncaptioned } from './summary';

export interface CaptionFlags extends SettingsFlags, ExportFlags {
  trigger: string;
  recaption: boolean;
  json: boolean;
  /** Through the Gemini Batch API; `wait: false` (--no-wait) returns while the job runs, `pollInterval` in seconds. */
  batch: boolean;
  wait: boolean;
  pollInterval?: number;
}

/** --no-wait and --poll-interval only mean something for a batch job; the export flags must fit the preset. */
function usageProblem(flags: CaptionFlags): string | null {
  const problem = triggerError(flags.trigger);
  if (problem) return problem;
  if (!flags.batch && (!flags.wait || flags.pollInterval !== undefined)) {
    return '--no-wait and --poll-interval go with --batch.';
  }
  try {
    exportTargetOf(flags, flags.trigger);
  } catch (e) {
    return isAppError(e) ? e.message : String(e);
  }
  return null;
}

/** import -> caption what is missing -> export, resuming the dataset for the same folder and trigger. */
export async function runCaptionCommand(paths: string[], flags: CaptionFlags): Promise<number> {
  const problem = usageProblem(flags);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    return EXIT.usage;
  }
  return runCommand('Stopping… captions received so far are saved.', (c) => captionFlow(c, paths, flags));
}

async function captionFlow(
  { store, progress, signal }: CommandContext,
  paths: string[],
  flags: CaptionFlags,
): Promise<number> {
  const { manifest: opened, resumed } = await openOrCreateDataset(store, paths, flags.trigger, flags);
  progress.line(`${resumed ? 'Resuming' : 'New'} dataset ${opened.id} (${describeSettings(opened.settings)})`);
  const batchProblem = batchUsageProblem(opened, flags.batch);
  if (batchProblem) {
    progress.stop();
    process.stderr.write(`${batchProblem}\n`);
    return EXIT.usage;
  }
  const c: StepContext = { store, datasetId: opened.id, progress, signal };
  const imported = await importStep(c, paths);
  const jobs = imported.manifest ? selectJobs(imported.manifest.images, { recaption: flags.recaption }).length : 0;
  const none: BatchStepResult = { run: null, error: null, fatal: false, batch: null, pending: null };
  const captioned: BatchStepResult = signal.aborted
    ? none
    : flags.batch
      ? await batchStep(c, { recaption: flags.recaption, wait: flags.wait, pollSeconds: flags.pollInterval ?? 30 })
      : jobs > 0
        ? { ...none, ...(await captionStep(c, jobs, flags.recaption)) }
        : none;
  const { pending } = captioned;

  const manifest = await store.load(opened.id);
  const before = imported.error ?? captioned.error;
  const ready = uncaptioned(manifest).length === 0 && !signal.aborted && before === null && !pending;
  const exported = ready
    ? await exportStep(c, manifest, exportTargetOf(flags, manifest.trigger))
    : { report: null, warnings: [], error: null };

  const { report, warnings } = exported;
  const batch = flags.batch ? { batch: captioned.batch } : {};
  const result = buildResult(manifest, {
    ...exportedFields(report),
    run: captioned.run,
    error: before ?? exported.error,
    warnings,
    ...batch,
  });
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`${formatSummary(result, manifest, pending)}\n`);
  if (report) return EXIT.ok;
  if (signal.aborted) return EXIT.interrupted;
  if (captioned.fatal) return EXIT.fatal;
  return pending ? EXIT.batchPending : EXIT.incomplete;
}

/**
 * A batch job is Gemini's; and a dataset whose images a job is captioning is not sent again in a normal run (it
 * would pay twice): the same command with --batch collects the job's results.
 */
function batchUsageProblem(manifest: DatasetManifest, batch: boolean): string | null {
  if (batch && manifest.settings.provider !== 'gemini') {
    return '--batch uses the Gemini Batch API: it does not work with --provider openai.';
  }
  if (!batch && manifest.batch) {
    return (
      `This dataset has a batch job at Gemini (${manifest.batch.name ?? 'still being submitted'}): run the same ` +
      'command with --batch to collect its results.'
    );
  }
  return null;
}

/** "gemini-2.5-flash, 10 requests/min" or "qwen2.5vl:7b on Ollama (127.0.0.1:11434), no rate limit". */
function describeSettings(s: DatasetSettings): string {
  const where = s.provider === 'openai' && s.baseUrl ? ` on ${serverName(s.baseUrl)}` : '';
  return `${s.model}${where}, ${s.rpm === null ? 'no rate limit' : `${s.rpm} requests/min`}`;
}
