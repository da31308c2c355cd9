import { systemClock } from '../core/clock';
import { createOsKeychain } from '../core/secrets';
import { checkTraining, followTraining, startTraining, type TrainingDeps } from '../core/training';
import { triggerError } from '../shared/caption';
import { isAppError } from '../shared/errors';
import { isTrainingActive, type TrainingRecord, TrainingRequest } from '../shared/training';
import { importStep, type StepContext } from './caption-steps';
import { runCommand } from './command-run';
import { openOrCreateDataset } from './dataset-setup';
import { EXIT, exitCodeOf } from './exit-codes';
import { describeTraining, trainingJson, trainingSummary } from './train-report';

export interface TrainFlags {
  trigger: string;
  destination: string;
  steps?: number;
  rank?: number;
  learningRate?: number;
  resize?: number;
  wait: boolean;
  json: boolean;
  new: boolean;
}

/** Seconds between looks while following (CAPTION_STUDIO_TRAINING_POLL_SECONDS overrides: tests, development). */
const POLL_SECONDS = 15;

/**
 * `train`: opens the dataset as `caption` does and trains a FLUX LoRA on Replicate: refused (exit 1) while an image
 * lacks a caption; else the ZIP is uploaded and the training started (the command is the user's click), or the
 * dataset's training already started is followed instead (unless --new). It follows the training to its end: exit 0
 * when it succeeded, 1 when it failed or was cancelled, 3 for token, credit or connection problems, 4 with
 * --no-wait while it runs. Ctrl+C stops following; the training goes on at Replicate.
 */
export async function runTrainCommand(paths: string[], flags: TrainFlags): Promise<number> {
  const request = TrainingRequest.safeParse({
    destination: flags.destination,
    ...{ steps: flags.steps, loraRank: flags.rank, learningRate: flags.learningRate },
    ...{ resizeLongSide: flags.resize ?? null, startNew: flags.new },
  });
  const problem = triggerError(flags.trigger) ?? (request.success ? null : request.error.issues[0]?.message);
  if (problem || !request.success) {
    process.stderr.write(`${problem}\n`);
    return EXIT.usage;
  }
  return runCommand(
    'Stopping… the training goes on at Replicate; run the same command to follow it again.',
    async (c) => {
      const { store, progress, signal } = c;
      const { manifest } = await openOrCreateDataset(store, paths, flags.trigger, {});
      const step: StepContext = { store, datasetId: manifest.id, progress, signal };
      await importStep(step, paths);
      const deps: TrainingDeps = { store, keychain: createOsKeychain(), env: process.env, clock: systemClock };
      let record: TrainingRecord | null;
      try {
        const started = await startTraining(deps, manifest.id, request.data, {
          signal,
          onExport: (p) => progress.exporting(p),
          onUpload: (bytes) =>
            progress.line(`Uploading the dataset (${(bytes / 1_000_000).toFixed(1)} MB) to Replicate…`),
        });
        progress.stop();
        progress.line(describeTraining(started, 'started'));
        record = flags.wait
          ? await followTraining(deps, manifest.id, {
              intervalMs: pollSeconds() * 1000,
              signal,
              onUpdate: (r) => r && progress.line(describeTraining(r)),
            })
          : await checkTraining(deps, manifest.id);
      } catch (e) {
        progress.stop();
        if (signal.aborted) throw e;
        return refusal(e, manifest.id, flags.json);
      }
      if (flags.json) process.stdout.write(`${JSON.stringify(trainingJson(manifest.id, record), null, 2)}\n`);
      if (record) process.stderr.write(`${trainingSummary(record)}\n`);
      if (!record || record.status === 'succeeded') return EXIT.ok;
      return isTrainingActive(record.status) ? EXIT.batchPending : EXIT.incomplete;
    },
  );
}

/** Missing captions exit 1 (nothing was sent); everything else by its kind (token, credit, connection: 3). */
function refusal(e: unknown, datasetId: string, json: boolean): number {
  if (!isAppError(e)) throw e;
  process.stderr.write(`${e.message}\n`);
  if (json)
    process.stdout.write(`${JSON.stringify({ ...trainingJson(datasetId, null), error: e.message }, null, 2)}\n`);
  const missingCaptions = e.kind === 'validation' && (e.details as { problems?: unknown } | undefined)?.problems;
  if (missingCaptions || (e.kind === 'validation' && /upload limit/u.test(e.message))) return EXIT.incomplete;
  return exitCodeOf(e.kind);
}

function pollSeconds(): number {
  const s = Number(process.env.CAPTION_STUDIO_TRAINING_POLL_SECONDS);
  return Number.isFinite(s) && s > 0 ? s : POLL_SECONDS;
}
