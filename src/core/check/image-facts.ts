import { access } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import type { DatasetManifest, ImageEntry } from '../../shared/dataset';
import type { DatasetStore } from '../datasets';
import { openUpright, perceptualHash, takenAtFrom, thumbnailPath } from '../images';

/**
 * Datasets imported before 0.3 have no perceptual hash or date taken. The first check computes them, once: the
 * hash from the stored thumbnail (a 400 px JPEG, fast) or, without one, from the original; the date from the
 * original's header. They are saved in one manifest write, so the next check (and the gallery's sort by date)
 * has them. An image whose file is gone keeps null and is simply not compared.
 */
export async function fillMissingFacts(store: DatasetStore, manifest: DatasetManifest): Promise<DatasetManifest> {
  const missing = manifest.images.filter((i) => i.phash === null);
  if (missing.length === 0) return manifest;
  const thumbs = store.thumbsDir(manifest.id);
  const facts = new Map<string, Pick<ImageEntry, 'phash' | 'takenAt'>>();
  const queue = [...missing];
  const worker = async () => {
    for (let image = queue.shift(); image; image = queue.shift()) {
      const found = await factsOf(image, thumbnailPath(thumbs, image.id));
      if (found) facts.set(image.id, found);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  if (facts.size === 0) return manifest;
  return store.modify(manifest.id, (m) => ({
    ...m,
    images: m.images.map((i) => {
      const found = i.phash === null ? facts.get(i.id) : undefined;
      return found ? { ...i, ...found } : i;
    }),
  }));
}

async function factsOf(image: ImageEntry, thumb: string): Promise<Pick<ImageEntry, 'phash' | 'takenAt'> | null> {
  const hasThumb = await access(thumb).then(
    () => true,
    () => false,
  );
  let phash: string;
  try {
    phash = hasThumb
      ? await perceptualHash(thumb)
      : await perceptualHash(await (await openUpright(image.source, image.format)).jpeg().toBuffer());
  } catch {
    return null; // no thumbnail and the original is gone or unreadable: tried again at the next check
  }
  // The date needs the original; a moved original still leaves the hash (from the thumbnail) worth keeping.
  const takenAt = await sharp(image.source)
    .metadata()
    .then((m) => takenAtFrom(m.exif))
    .catch(() => null);
  return { phash, takenAt };
}
