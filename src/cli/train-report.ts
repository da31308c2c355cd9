import { modelPageUrl, samplePrompt, type TrainingRecord } from '../shared/training';

/** `--json` for `train`: stable fields scripts can rely on. */
export function trainingJson(datasetId: string, record: TrainingRecord | null) {
  return {
    datasetId,
    training: record
      ? {
          id: record.id,
          status: record.status,
          model: record.destination,
          version: record.output?.version ?? null,
          weights: record.output?.weights ?? null,
          url: modelPageUrl(record.destination),
        }
      : null,
  };
}

/** One line per look while following: "training abc123: processing, step 500/1000". */
export function describeTraining(r: TrainingRecord, verb?: 'started'): string {
  const step = r.progress ? `, step ${r.progress.step}/${r.progress.total}` : '';
  const head = verb ? `Started training ${r.id ?? '(being created)'} of ${r.destination}` : `training ${r.id ?? ''}`;
  return `${head}: ${r.status}${step}`;
}

/** The summary at the end: what came out, or why not, in plain words. */
export function trainingSummary(r: TrainingRecord): string {
  const lines = [`Training ${r.id ?? '(not started)'} of ${r.destination}: ${r.status}.`];
  if (r.status === 'succeeded' && r.output) {
    lines.push(`Model page: ${modelPageUrl(r.destination)}`);
    lines.push(`Weights: ${r.output.weights}`);
    lines.push(`Version: ${r.output.version}`);
    lines.push(`Try it with a prompt that starts with the trigger: "${samplePrompt(r.trigger)}"`);
  } else if (r.error) {
    lines.push(r.error);
  } else if (r.status === 'starting' || r.status === 'processing' || r.status === 'creating') {
    lines.push('It is still running at Replicate: run the same command again to follow it.');
  }
  if (r.status === 'failed' && r.logsTail)
    lines.push(
      'Last lines of its log:',
      ...r.logsTail
        .split('\n')
        .slice(-5)
        .map((l) => `  ${l}`),
    );
  return lines.join('\n');
}
