import type { CheckFinding } from '../../shared/check';
import type { ImageEntry } from '../../shared/dataset';
import { count, finding } from './finding';

/** FLUX trainers train at 1024 px: smaller images are upscaled, and soft. */
const MIN_LONG_SIDE = 1024;
/** Fewer images than this rarely make a LoRA that generalises. */
const MIN_IMAGES = 10;

export function imageFindings(images: readonly ImageEntry[]): CheckFinding[] {
  const small = images.filter((i) => Math.max(i.width, i.height) < MIN_LONG_SIDE).map((i) => i.id);
  const findings = [
    finding(
      'low-resolution',
      `${count(small, 'image is', 'images are')} under ${MIN_LONG_SIDE} px on the long side, where FLUX trainers train: they would be upscaled and soft.`,
      small,
      { kind: 'exclude', label: `Exclude ${count(small, 'image', 'images')}` },
    ),
  ];
  const tooFew: CheckFinding | null =
    images.length < MIN_IMAGES
      ? {
          rule: 'too-few-images',
          severity: 'warning',
          message: `Only ${count(images, 'image is', 'images are')} included: ${MIN_IMAGES} or more make a LoRA that generalises.`,
          imageIds: [],
          keep: null,
          fix: null,
        }
      : null;
  return [...findings, tooFew].filter((f): f is CheckFinding => f !== null);
}
