import { createHash } from 'node:crypto';
import type { StoredVersion } from './records';
import type { PropertySchema } from './validation';

/**
 * The trainer the app uses, `ostris/flux-dev-lora-trainer`, with the OpenAPI schema Cog generates for its
 * `train()` inputs. The inputs, their defaults, ranges and descriptions follow `train()` in replicate/flux-fine-tuner
 * (train.py, June 2025), the code behind that model; the real schema also has the predict-side `Input`, paths and
 * more keys per property, which the app does not read. The version id is the fake's own (stable, 64 hex), so an
 * app that hard-codes the real one fails here: it must look the latest version up.
 */

export const TRAINER_MODEL = 'ostris/flux-dev-lora-trainer';

/** A JSON Schema property as Cog writes it: what the validator checks, plus title, default, description... */
type Property = PropertySchema & Record<string, unknown>;

const uri = (description: string): Property => ({ type: 'string', format: 'uri', description });
const text = (description: string, dflt?: string): Property => ({
  type: 'string',
  ...(dflt !== undefined ? { default: dflt } : {}),
  description,
});
const flag = (description: string, dflt: boolean): Property => ({ type: 'boolean', default: dflt, description });
const integer = (description: string, dflt: number, min?: number, max?: number): Property => ({
  type: 'integer',
  default: dflt,
  ...(min !== undefined ? { minimum: min } : {}),
  ...(max !== undefined ? { maximum: max } : {}),
  description,
});
const secret = (description: string): Property => ({
  type: 'string',
  format: 'password',
  writeOnly: true,
  'x-cog-secret': true,
  description,
});

/** train() parameters in order (Cog numbers them with `x-order` and titles them from the name). */
const TRAIN_PARAMETERS: ReadonlyArray<[string, Property]> = [
  [
    'input_images',
    uri(
      "A zip file containing the images that will be used for training. We recommend a minimum of 10 images. If you include captions, include them as one .txt file per image, e.g. my-photo.jpg should have a caption file named my-photo.txt. If you don't include captions, you can use autocaptioning (enabled by default).",
    ),
  ],
  [
    'trigger_word',
    text(
      "The trigger word refers to the object, style or concept you are training on. Pick a string that isn't a real word, like TOK or something related to what's being trained, like CYBRPNK. The trigger word you specify here will be associated with all images during training. Then when you use your LoRA, you can include the trigger word in prompts to help activate the LoRA.",
      'TOK',
    ),
  ],
  ['autocaption', flag('Automatically caption images using Llava v1.5 13B', true)],
  ['autocaption_prefix', text('Optional: Text you want to appear at the beginning of all your generated captions.')],
  ['autocaption_suffix', text('Optional: Text you want to appear at the end of all your generated captions.')],
  ['steps', integer('Number of training steps. Recommended range 500-4000', 1000, 3, 6000)],
  [
    'learning_rate',
    {
      type: 'number',
      default: 0.0004,
      description: "Learning rate, if you're new to training you probably don't need to change this.",
    },
  ],
  ['batch_size', integer('Batch size, you can leave this as 1', 1)],
  ['resolution', text('Image resolutions for training', '512,768,1024')],
  [
    'lora_rank',
    integer(
      'Higher ranks take longer to train but can capture more complex features. Caption quality is more important for higher ranks.',
      16,
      1,
      128,
    ),
  ],
  [
    'caption_dropout_rate',
    {
      type: 'number',
      default: 0.05,
      minimum: 0,
      maximum: 1,
      description: 'Advanced setting. Determines how often a caption is ignored.',
    },
  ],
  ['optimizer', text('Optimizer to use for training.', 'adamw8bit')],
  ['cache_latents_to_disk', flag('Use this if you have lots of input images and you hit out of memory errors', false)],
  ['layers_to_optimize_regex', text('Regular expression to match specific layers to optimize.')],
  [
    'gradient_checkpointing',
    flag('Turn on gradient checkpointing; saves memory at the cost of training speed.', false),
  ],
  ['hf_repo_id', text("Hugging Face repository ID, if you'd like to upload the trained LoRA to Hugging Face.")],
  ['hf_token', secret("Hugging Face token, if you'd like to upload the trained LoRA to Hugging Face.")],
  ['wandb_api_key', secret("Weights and Biases API key, if you'd like to log training progress to W&B.")],
  ['wandb_project', text('Weights and Biases project name.', 'flux_train_replicate')],
  ['skip_training_and_use_pretrained_hf_lora_url', uri('Create a Replicate model from a pre-trained LoRA instead.')],
];

const title = (name: string) =>
  name
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

export const TRAINING_INPUT_SCHEMA: { type: 'object'; title: string; properties: Record<string, Property> } = {
  type: 'object',
  title: 'TrainingInput',
  properties: Object.fromEntries(
    TRAIN_PARAMETERS.map(([name, p], order) => [name, { ...p, title: title(name), 'x-order': order }]),
  ),
};

/** The OpenAPI schema of the trainer's version: what `latest_version.openapi_schema` carries. */
const trainerSchema = () => ({
  openapi: '3.0.2',
  info: { title: 'Cog', version: '0.1.0' },
  paths: {},
  components: {
    schemas: {
      TrainingInput: TRAINING_INPUT_SCHEMA,
      TrainingOutput: {
        type: 'object',
        title: 'TrainingOutput',
        required: ['weights'],
        properties: { weights: { type: 'string', title: 'Weights', format: 'uri' } },
      },
    },
  },
});

export const trainerVersion = (): StoredVersion => ({
  id: createHash('sha256').update(`${TRAINER_MODEL} fake version`).digest('hex'),
  createdAt: '2025-06-04T22:11:12.000000Z',
  cogVersion: '0.14.2',
  openapiSchema: trainerSchema(),
});

/** The inputs a LoRA made by the trainer takes to generate (a subset): the schema of a trained version. */
export const trainedVersionSchema = () => ({
  openapi: '3.0.2',
  info: { title: 'Cog', version: '0.1.0' },
  paths: {},
  components: {
    schemas: {
      Input: {
        type: 'object',
        title: 'Input',
        required: ['prompt'],
        properties: {
          prompt: { type: 'string', title: 'Prompt', 'x-order': 0 },
          lora_scale: { type: 'number', title: 'Lora Scale', default: 1, 'x-order': 1 },
          num_inference_steps: { type: 'integer', title: 'Num Inference Steps', default: 28, 'x-order': 2 },
        },
      },
    },
  },
});
