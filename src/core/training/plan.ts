import { captionError } from '../../shared/caption';
import type { DatasetManifest } from '../../shared/dataset';
import { estimateTraining, type TrainingPlan } from '../../shared/training';
import { toReplicateError } from './failure';
import { latestTrainer } from './trainer';
import { clientFor, type TrainingDeps } from './types';

/**
 * What the Train dialog shows before anything is uploaded: the trainer's latest version and its defaults, the
 * token's account (which also proves the token works) and a destination suggested from it, the images and the
 * estimate. Only reads.
 */
export async function planTraining(deps: TrainingDeps, manifest: DatasetManifest): Promise<TrainingPlan> {
  const replicate = await clientFor(deps);
  const account = await replicate.accounts.current().catch((e: unknown) => {
    throw toReplicateError(e, 'check the API token');
  });
  const trainer = await latestTrainer(replicate);
  const included = manifest.images.filter((i) => !i.excluded);
  const missing = included.filter((i) => captionError(i.caption, manifest.trigger) !== null).length;
  return {
    ...{ trainer: trainer.ref.split(':')[0] ?? '', version: trainer.version, defaults: trainer.defaults },
    ...{ limits: trainer.limits, trigger: manifest.trigger, account: account.username },
    suggestedDestination: `${account.username}/${suggestedName(manifest.trigger)}`,
    images: included.length - missing,
    missingCaptions: missing,
    estimate: estimateTraining(trainer.defaults.steps),
  };
}

/** `ide_main_hall` -> `ide-main-hall-lora`: a model name Replicate accepts (lowercase, digits, `-`, `_`, `.`). */
function suggestedName(trigger: string): string {
  const base = trigger
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/gu, '-')
    .replace(/^[^a-z0-9]+/u, '');
  return `${base.replaceAll('_', '-') || 'dataset'}-lora`;
}
