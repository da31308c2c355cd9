import type { StoredTraining } from './records';

/**
 * The logs a training shows, in the words of the trainer's own code (replicate/flux-fine-tuner train.py and
 * caption.py, ai-toolkit's tqdm progress bar `flux_train_replicate:  50%|█████     | 500/1000 [...]`), rebuilt
 * from the training's state on every read so they only ever grow while it runs.
 */

/** Training speed the fake pretends (iterations per second), for the bar's times and the metrics. */
export const STEPS_PER_SECOND = 1.35;

const TRAINABLE = /\.(jpe?g|png|webp)$/iu;

const two = (n: number) => String(Math.floor(n)).padStart(2, '0');
const clock = (seconds: number) => `${two(seconds / 60)}:${two(seconds % 60)}`;
/** Python's `{:.1e}` / `{:.3e}`: a two-digit exponent (4.0e-04). */
const sci = (x: number, digits: number) => x.toExponential(digits).replace(/e([+-])(\d)$/u, 'e$10$2');

/** One tqdm line of the trainer's progress bar after `n` of `total` steps. */
function progressLine(n: number, total: number, learningRate: number): string {
  const done = n / total;
  const filled = Math.floor(done * 10);
  const bar = `${'█'.repeat(filled)}${' '.repeat(10 - filled)}`;
  const percent = `${String(Math.floor(done * 100)).padStart(3, ' ')}%`;
  if (n === 0) return `flux_train_replicate: ${percent}|${bar}| 0/${total} [00:00<?, ?it/s]`;
  const elapsed = n / STEPS_PER_SECOND;
  const left = (total - n) / STEPS_PER_SECOND;
  const loss = 0.45 - 0.15 * done;
  return `flux_train_replicate: ${percent}|${bar}| ${n}/${total} [${clock(elapsed)}<${clock(left)},  ${STEPS_PER_SECOND}it/s, lr: ${sci(learningRate, 1)} loss: ${sci(loss, 3)}]`;
}

export const stepsOf = (t: StoredTraining) => (typeof t.input.steps === 'number' ? t.input.steps : 1000);
const learningRateOf = (t: StoredTraining) =>
  typeof t.input.learning_rate === 'number' ? t.input.learning_rate : 0.0004;

/** What the trainer prints from start-up to unpacking the ZIP and captioning what has no caption. */
function setupLines(t: StoredTraining): string[] {
  const lines = ['Environment language: Not set', 'Updated environment language: en_US.UTF-8'];
  lines.push('Downloaded base weights in 9.87 seconds');
  if (t.data?.kind !== 'zip') return lines;
  const files = t.data.entries.filter((e) => !e.startsWith('__MACOSX/') && !e.startsWith('._'));
  lines.push(`Extracted ${files.length} files from zip to input_images`);
  const images = files.filter((e) => TRAINABLE.test(e));
  const captioned = new Set(files.filter((e) => e.endsWith('.txt')).map((e) => e.replace(/\.txt$/u, '')));
  const hasCaption = (image: string) => captioned.has(image.replace(TRAINABLE, ''));
  if (t.input.autocaption !== false && !images.every(hasCaption)) {
    for (const image of images) {
      lines.push(
        hasCaption(image)
          ? `${image} is already captioned`
          : `Caption for input_images/${image}: A photo of ${t.input.trigger_word ?? 'TOK'}`,
      );
    }
  }
  return lines;
}

/** The logs after `stage` processing snapshots out of `stages`, ended as the training ended. */
export function renderLogs(t: StoredTraining, stages: number): string {
  if (t.stage === 0) return '';
  const lines = setupLines(t);
  if (t.data?.kind !== 'zip') {
    // The trainer never got a ZIP to train on: it stops with the ValueError that `error` repeats.
    lines.push('Traceback (most recent call last):', `ValueError: ${t.error ?? ''}`);
    return `${lines.join('\n')}\n`;
  }
  const total = stepsOf(t);
  lines.push('Starting train job');
  for (let i = 0; i < t.stage; i++)
    lines.push(progressLine(Math.round((total * i) / stages), total, learningRateOf(t)));
  if (t.status === 'succeeded') {
    lines.push(progressLine(total, total, learningRateOf(t)));
    lines.push('output/flux_train_replicate/', 'output/flux_train_replicate/lora.safetensors');
    const captions = t.data.entries.filter((e) => e.endsWith('.txt'));
    lines.push(...captions.map((c) => `output/flux_train_replicate/captions/${c.split('/').pop()}`));
  } else if (t.status === 'failed') {
    lines.push('Traceback (most recent call last):', `RuntimeError: ${t.error ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
