import { z } from 'zod';

/**
 * Training a FLUX LoRA on Replicate from a dataset: what the dialog asks, the record saved in the dataset the
 * moment the training exists (so closing the app loses nothing: reopening the dataset follows it again), what is
 * shown while it runs, and the estimate of its cost and time.
 */

/** The trainer every training runs on; its latest version is looked up when a training starts. */
export const REPLICATE_TRAINER = 'ostris/flux-dev-lora-trainer';

/**
 * Replicate's Files API refuses files over 100 MB ("Files must be less than 100MB in size"); whether it means
 * 10^8 bytes or 100 MiB is not known, so the app refuses above 10^8, a little below either.
 */
export const REPLICATE_UPLOAD_LIMIT_BYTES = 100_000_000;

/**
 * The trainer's inputs the dialog offers, with its defaults and ranges as its schema declares them
 * (replicate/flux-fine-tuner's train.py). The live schema of the latest version, read when the dialog opens
 * (`TrainingPlan.defaults` / `limits`), wins over these.
 */
export const TRAINING_DEFAULTS = { steps: 1000, loraRank: 16, learningRate: 0.0004 } as const;
/** Smallest and largest value of each input the dialog offers. */
export type TrainingLimits = Record<'steps' | 'loraRank' | 'learningRate', { min: number; max: number }>;
export const TRAINING_LIMITS: TrainingLimits = {
  steps: { min: 3, max: 6000 },
  loraRank: { min: 1, max: 128 },
  learningRate: { min: 0.000001, max: 0.01 },
};

/** `owner/name` as Replicate spells models: lowercase letters, digits, `-`, `_` and `.` in the name. */
export const DESTINATION_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,38}\/[a-z0-9][a-z0-9._-]{0,99}$/;

export const TrainingParams = z.object({
  steps: z.number().int().min(TRAINING_LIMITS.steps.min).max(TRAINING_LIMITS.steps.max),
  loraRank: z.number().int().min(TRAINING_LIMITS.loraRank.min).max(TRAINING_LIMITS.loraRank.max),
  learningRate: z.number().min(TRAINING_LIMITS.learningRate.min).max(TRAINING_LIMITS.learningRate.max),
});
export type TrainingParams = z.infer<typeof TrainingParams>;

/** What the user asks for when they click Train (the trigger is the dataset's own, never typed here). */
export const TrainingRequest = TrainingParams.partial().extend({
  /** `owner/name`; created as a private model when it does not exist. */
  destination: z
    .string()
    .trim()
    .regex(DESTINATION_PATTERN, 'The destination is owner/name: lowercase letters, digits, - _ or . in the name.'),
  /** Scale images down to this long side in the uploaded ZIP (offered when the ZIP is over the upload limit). */
  resizeLongSide: z.number().int().min(256).max(8192).nullable().default(null),
  /** Start another training although the dataset has one (the CLI's `--new`; the dialog's "Train again"). */
  startNew: z.boolean().default(false),
});
export type TrainingRequest = z.input<typeof TrainingRequest>;

/**
 * Where a training is. `creating`: the ZIP is uploaded and the training is being created (no id yet: a crash here
 * is settled on the next open by looking for a training of that upload). Then Replicate's own statuses.
 */
export const TrainingStatus = z.enum(['creating', 'starting', 'processing', 'succeeded', 'failed', 'canceled']);
export type TrainingStatus = z.infer<typeof TrainingStatus>;

/** The training has not ended yet: followed while the app is open, and again when the dataset opens. */
export function isTrainingActive(status: TrainingStatus): boolean {
  return status === 'creating' || status === 'starting' || status === 'processing';
}

/** What a training should cost and take, and where those numbers come from (shown beside them). */
export const TrainingEstimate = z.object({
  /** The hardware the trainer runs on, as Replicate names it (e.g. `Nvidia H100 GPU`). */
  hardware: z.string(),
  usdPerSecond: z.number().nonnegative(),
  seconds: z.number().nonnegative(),
  costUsd: z.number().nonnegative(),
  /** One sentence: the price list and timing the estimate is built from. */
  basis: z.string(),
});
export type TrainingEstimate = z.infer<typeof TrainingEstimate>;

/**
 * One training of this dataset, saved in the manifest (`DatasetManifest.trainings`, newest last) before it is
 * created and again as soon as Replicate answers with its id, then on every status change.
 */
export const TrainingRecord = z.object({
  /** Replicate's training id; null while it is being created. */
  id: z.string().min(1).max(200).nullable(),
  /** `ostris/flux-dev-lora-trainer:<version id>` as it was when the training started. */
  trainer: z.string().min(1).max(300),
  destination: z.string().min(1).max(200),
  /** The dataset's trigger word, as sent to the trainer. */
  trigger: z.string().min(1),
  params: TrainingParams,
  /** The ZIP uploaded through the Files API (its URL is the training's `input_images`, which also finds it again). */
  upload: z.object({
    fileId: z.string().min(1).max(200),
    url: z.string().max(2048),
    bytes: z.number().int().nonnegative(),
    images: z.number().int().nonnegative(),
  }),
  status: TrainingStatus,
  createdAt: z.string(),
  startedAt: z.string().nullable().default(null),
  completedAt: z.string().nullable().default(null),
  /** When Replicate last answered about it. */
  checkedAt: z.string().nullable().default(null),
  /** The last lines of the trainer's log (bounded, so the manifest stays small). */
  logsTail: z.string().max(20_000).default(''),
  /** Steps done of the total, read from the trainer's progress bar; null before it shows one. */
  progress: z
    .object({ step: z.number().int().nonnegative(), total: z.number().int().positive() })
    .nullable()
    .default(null),
  /** On success: the new version (`owner/name:<version>`) and the LoRA weights' URL. */
  output: z.object({ version: z.string(), weights: z.string() }).nullable().default(null),
  /** On failure: Replicate's error in plain words. */
  error: z.string().nullable().default(null),
  /** The cancel was asked for (sent again on the next look if it did not get through). */
  cancelRequested: z.boolean().default(false),
  estimate: TrainingEstimate.nullable().default(null),
});
export type TrainingRecord = z.infer<typeof TrainingRecord>;

/** Trainings kept per dataset (the newest ones); older records are dropped when a new one starts. */
export const MAX_TRAININGS_KEPT = 20;

/** What the Train dialog shows before anything is uploaded (`planTraining`; the trainer looked up at that moment). */
export interface TrainingPlan {
  /** `ostris/flux-dev-lora-trainer`. */
  trainer: string;
  /** Its latest version id. */
  version: string;
  /** The trainer's defaults and ranges from that version's schema. */
  defaults: TrainingParams;
  limits: TrainingLimits;
  /** The dataset's trigger (not editable in the dialog). */
  trigger: string;
  /** The token's account, and a destination suggested from it and the trigger (`account/trigger-lora`). */
  account: string;
  suggestedDestination: string;
  /** Images the ZIP would hold (included, with a valid caption). */
  images: number;
  /** Images that still lack a valid caption: training is refused while this is above 0. */
  missingCaptions: number;
  estimate: TrainingEstimate;
}

/**
 * The `trainingUpdated` event: the record as saved (null until the training is being created), plus what happens
 * before it exists (`exporting` the ZIP, `uploading` it) or a problem reaching Replicate (following goes on).
 */
export interface TrainingUpdate {
  record: TrainingRecord | null;
  step: 'exporting' | 'uploading' | null;
  /** While exporting: images written of the total; while uploading: the ZIP's size. */
  exported: { done: number; total: number } | null;
  zipBytes: number | null;
  problem: string | null;
}

/** The destination model's page on Replicate. */
export function modelPageUrl(destination: string): string {
  return `https://replicate.com/${destination}`;
}

/** A prompt to try the LoRA with; it starts with the trigger, which is what switches the LoRA on. */
export function samplePrompt(trigger: string): string {
  return `${trigger}, photo taken on a clear morning, natural light, wide angle`;
}

/**
 * Where the estimate's numbers come from. The price: Replicate's public price list (replicate.com/pricing) bills
 * the Nvidia H100 GPU at $0.001525 per second and says FLUX fine-tunes run on H100s. The time is a rough guess,
 * not published by Replicate: a fixed setup (the trainer downloads FLUX.1-dev and unpacks the ZIP before the first
 * step) plus a per-step time at the trainer's default 512-1024 px buckets. The real bill is the training's run time
 * at that rate.
 */
const H100 = { name: 'Nvidia H100 GPU', usdPerSecond: 0.001525 } as const;
const SETUP_SECONDS = 150;
const SECONDS_PER_STEP = 1.1;

/** What a training of `steps` steps should cost and take on the trainer's hardware. */
export function estimateTraining(steps: number): TrainingEstimate {
  const seconds = Math.round(SETUP_SECONDS + steps * SECONDS_PER_STEP);
  return {
    hardware: H100.name,
    usdPerSecond: H100.usdPerSecond,
    seconds,
    costUsd: Math.round(seconds * H100.usdPerSecond * 100) / 100,
    basis:
      `Replicate's price list: the ${H100.name} at $${H100.usdPerSecond}/s. The time is a rough guess (about ` +
      `${SETUP_SECONDS} s to set up, then ${SECONDS_PER_STEP} s per step); you pay for the real run time.`,
  };
}
