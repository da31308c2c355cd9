import type { CheckFinding } from '../../shared/check';
import type { ImageEntry } from '../../shared/dataset';
import { count, finding } from './finding';

/**
 * Duplicate captions (the same text on different images) and near-duplicate images (the same picture resized,
 * re-encoded or lightly cropped, found by perceptual hash).
 */

/**
 * Hamming distance up to which two hashes are the same picture. Measured on the shared fixtures' photos and
 * copies made with sharp (`tests/integration/near-duplicates.test.ts`): resized, re-encoded and brightened copies
 * differ by 0-2 bits, 5% crops by 4-8; different photos by 26 or more, two views of one scene (the left and
 * right 70% of a photo) by 30 or more; a 10% crop from one corner already by 16-22 (not found). Two unrelated
 * hashes agree this closely by chance about once in 10^8 pairs (0.1 false pairs in 5,000 images); at 12 bits
 * it would be about 3.
 */
const NEAR_DUPLICATE_BITS = 10;

export function duplicateCaptionFindings(images: readonly ImageEntry[]): CheckFinding[] {
  const byCaption = new Map<string, ImageEntry[]>();
  for (const image of images) {
    if (image.caption === null || image.caption.trim() === '') continue;
    const same = byCaption.get(image.caption);
    if (same) same.push(image);
    else byCaption.set(image.caption, [image]);
  }
  return [...byCaption.values()]
    .filter((group) => group.length > 1)
    .map((group) =>
      finding(
        'duplicate-caption',
        `${count(group, 'image has', 'images have')} the same caption: the trainer cannot tell them apart.`,
        group.map((i) => i.id),
        { kind: 'regenerate', label: `Regenerate ${count(group.length - 1, 'caption', 'captions')}` },
        group[0]?.id ?? null,
      ),
    )
    .filter((f): f is CheckFinding => f !== null);
}

export function nearDuplicateFindings(images: readonly ImageEntry[]): CheckFinding[] {
  const hashed = images.filter((i) => i.phash !== null);
  const hi = Int32Array.from(hashed, (i) => Number.parseInt((i.phash as string).slice(0, 8), 16) | 0);
  const lo = Int32Array.from(hashed, (i) => Number.parseInt((i.phash as string).slice(8), 16) | 0);
  const parent = Int32Array.from(hashed, (_, i) => i);
  const rootOf = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    for (let j = i; parent[j] !== r; ) [j, parent[j]] = [parent[j] as number, r];
    return r;
  };
  for (let a = 0; a < hashed.length; a++) {
    for (let b = a + 1; b < hashed.length; b++) {
      const bits =
        popcount(((hi[a] as number) ^ (hi[b] as number)) | 0) + popcount(((lo[a] as number) ^ (lo[b] as number)) | 0);
      if (bits <= NEAR_DUPLICATE_BITS) parent[rootOf(b)] = rootOf(a);
    }
  }
  const groups = new Map<number, ImageEntry[]>();
  hashed.forEach((image, i) => {
    const root = rootOf(i);
    groups.set(root, [...(groups.get(root) ?? []), image]);
  });
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      // Keep the largest: the most pixels to train on, then the most bytes (the least compressed copy).
      const keep = group.reduce((best, i) => (size(i) > size(best) ? i : best));
      return finding(
        'near-duplicate-image',
        `${count(group, 'image is', 'images are')} the same picture (resized, re-encoded or cropped): the trainer sees it ${group.length} times as often as the others.`,
        group.map((i) => i.id),
        { kind: 'exclude', label: `Keep ${keep.relPath}, exclude ${count(group.length - 1, 'copy', 'copies')}` },
        keep.id,
      );
    })
    .filter((f): f is CheckFinding => f !== null);
}

/** Pixels first; bytes break a tie (they are far below a pixel's worth of difference). */
const size = (i: ImageEntry) => i.width * i.height + i.bytes / 1e12;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
