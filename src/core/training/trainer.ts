import type Replicate from 'replicate';
import { AppError } from '../../shared/errors';
import {
  REPLICATE_TRAINER,
  TRAINING_DEFAULTS,
  TRAINING_LIMITS,
  type TrainingLimits,
  type TrainingParams,
} from '../../shared/training';
import { toReplicateError } from './failure';

/** The trainer's latest version, and its defaults as that version's schema declares them. */
export interface Trainer {
  /** `ostris/flux-dev-lora-trainer:<version id>`. */
  ref: string;
  version: string;
  defaults: TrainingParams;
  limits: TrainingLimits;
}

interface SchemaProperty {
  default?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

/**
 * Looks the trainer up at the moment a training is planned or started (its versions change; a hard-coded one
 * would go stale): the latest version, and the defaults and ranges of `steps`, `lora_rank` and `learning_rate`
 * from its TrainingInput schema, falling back to the trainer's known ones where the schema is silent.
 */
export async function latestTrainer(replicate: Replicate): Promise<Trainer> {
  const [owner = '', name = ''] = REPLICATE_TRAINER.split('/');
  const model = await replicate.models.get(owner, name).catch((e: unknown) => {
    throw toReplicateError(e, `look up the trainer ${REPLICATE_TRAINER}`);
  });
  const version = model.latest_version;
  if (!version) throw new AppError('not-found', `Replicate lists no version of the trainer ${REPLICATE_TRAINER}.`);
  const props = trainingInputs(version.openapi_schema);
  const num = (key: string, field: keyof SchemaProperty, fallback: number) => {
    const v = props[key]?.[field];
    return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  };
  const range = (key: string, known: { min: number; max: number }) => ({
    min: num(key, 'minimum', known.min),
    max: num(key, 'maximum', known.max),
  });
  return {
    ref: `${REPLICATE_TRAINER}:${version.id}`,
    version: version.id,
    defaults: {
      steps: num('steps', 'default', TRAINING_DEFAULTS.steps),
      loraRank: num('lora_rank', 'default', TRAINING_DEFAULTS.loraRank),
      learningRate: num('learning_rate', 'default', TRAINING_DEFAULTS.learningRate),
    },
    limits: {
      steps: range('steps', TRAINING_LIMITS.steps),
      loraRank: range('lora_rank', TRAINING_LIMITS.loraRank),
      learningRate: range('learning_rate', TRAINING_LIMITS.learningRate),
    },
  };
}

function trainingInputs(schema: object | null): Record<string, SchemaProperty> {
  const s = schema as { components?: { schemas?: { TrainingInput?: { properties?: unknown } } } } | null;
  const props = s?.components?.schemas?.TrainingInput?.properties;
  return props && typeof props === 'object' ? (props as Record<string, SchemaProperty>) : {};
}
