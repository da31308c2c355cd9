import { Document } from 'yaml';
import { TRAINING_DEFAULTS } from '../../shared/training';

/**
 * A ready `config.yaml` for ostris/ai-toolkit (`python run.py config.yaml`): its own example for a FLUX.1-dev
 * LoRA on a 24 GB GPU (config/examples/train_lora_flux_24gb.yaml), with the dataset folder, the trigger word and
 * sample prompts that start with it filled in. The captions already hold the trigger; ai-toolkit adds
 * `trigger_word` only to captions without it, so setting it is harmless and keeps its samples' `[trigger]` right.
 * Steps, rank and learning rate are the example's (2000 steps at 1e-4 suits a local run; Replicate's trainer
 * uses 1000 at 4e-4 for a faster, dearer GPU).
 */
export function aiToolkitConfig(trigger: string, datasetFolder: string): string {
  const config = {
    job: 'extension',
    config: {
      name: `${trigger}_flux_lora`,
      process: [
        {
          type: 'sd_trainer',
          training_folder: 'output',
          device: 'cuda:0',
          trigger_word: trigger,
          network: { type: 'lora', linear: TRAINING_DEFAULTS.loraRank, linear_alpha: TRAINING_DEFAULTS.loraRank },
          save: { dtype: 'float16', save_every: 250, max_step_saves_to_keep: 4, push_to_hub: false },
          datasets: [
            {
              folder_path: datasetFolder,
              caption_ext: 'txt',
              caption_dropout_rate: 0.05,
              shuffle_tokens: false,
              cache_latents_to_disk: true,
              resolution: [512, 768, 1024],
            },
          ],
          train: {
            batch_size: 1,
            steps: 2000,
            gradient_accumulation_steps: 1,
            train_unet: true,
            train_text_encoder: false,
            gradient_checkpointing: true,
            noise_scheduler: 'flowmatch',
            optimizer: 'adamw8bit',
            lr: 1e-4,
            ema_config: { use_ema: true, ema_decay: 0.99 },
            dtype: 'bf16',
          },
          model: { name_or_path: 'black-forest-labs/FLUX.1-dev', is_flux: true, quantize: true },
          sample: {
            sampler: 'flowmatch',
            sample_every: 250,
            width: 1024,
            height: 1024,
            prompts: [
              '[trigger], photo taken on a clear morning, natural light',
              '[trigger], photo at dusk, warm lamps, wide angle',
              '[trigger], detail photo, close up',
            ],
            neg: '',
            seed: 42,
            walk_seed: true,
            guidance_scale: 4,
            sample_steps: 20,
          },
        },
      ],
    },
    meta: { name: '[name]', version: '1.0' },
  };
  const doc = new Document(config);
  doc.commentBefore = [
    ` ai-toolkit config for a FLUX.1-dev LoRA of "${trigger}", written by Caption Studio.`,
    ' Run from the ai-toolkit folder: python run.py <this file>. Needs a 24 GB GPU and access to FLUX.1-dev.',
    ' folder_path is where the images and captions are; change it if you move them.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
