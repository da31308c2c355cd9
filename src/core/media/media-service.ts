import { mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import PQueue from 'p-queue';
import { isValidId } from '../../shared/ids';
import type { DatasetStore } from '../datasets';
import { writeFileAtomic } from '../fs';
import { renderThumbnail, thumbnailPath } from '../images';
import { createImageIndex, type ImageRef } from './image-index';
import { renderPreview } from './render';
import type { MediaFile, MediaKind, MediaService } from './types';

const PREVIEWS_DIR = 'previews';
const JPEG = 'image/jpeg';

/** Decodes at once: sharp already uses every core per image, and two keeps one request from starving another. */
const RENDER_CONCURRENCY = 2;

/**
 * Serves only files inside the dataset's own folder, for images listed in the dataset's manifest. Missing
 * thumbnails are rendered again from the source; previews are rendered on first request and kept (redone when
 * the source is newer). Renders are cheap caches, so they are written atomically but without fsync.
 */
export function createMediaService(store: DatasetStore): MediaService {
  const index = createImageIndex(store);
  const renders = new PQueue({ concurrency: RENDER_CONCURRENCY });
  const inFlight = new Map<string, Promise<boolean>>();

  /** Renders `path` once even when the gallery asks for it many times at once; false when it cannot be made. */
  function ensure(path: string, render: () => Promise<Buffer>): Promise<boolean> {
    const pending = inFlight.get(path);
    if (pending) return pending;
    const job = renders
      .add(async () => {
        await writeFileAtomic(path, await render(), { durable: false });
        return true;
      })
      .catch(() => false) // source gone, unreadable or corrupt, or the dataset was deleted meanwhile
      .finally(() => inFlight.delete(path));
    inFlight.set(path, job);
    return job;
  }

  async function thumb(datasetId: string, imageId: string, image: ImageRef): Promise<string | null> {
    const path = thumbnailPath(store.thumbsDir(datasetId), imageId);
    if (await isFile(path)) return path;
    const made = await ensure(path, async () => (await renderThumbnail(image.source, image.format)).jpeg);
    return made ? path : null;
  }

  async function preview(datasetId: string, imageId: string, image: ImageRef): Promise<string | null> {
    const dir = join(store.datasetDir(datasetId), PREVIEWS_DIR);
    const path = join(dir, `${imageId}.jpg`);
    const [cached, source] = await Promise.all([stat(path).catch(() => null), stat(image.source).catch(() => null)]);
    if (cached?.isFile() && (!source || source.mtimeMs <= cached.mtimeMs)) return path;
    if (!source) return null;
    // Only inside an existing dataset folder: a deleted dataset must not be recreated by a late request.
    if (!(await isDir(store.datasetDir(datasetId)))) return null;
    await mkdir(dir, { recursive: true });
    return (await ensure(path, () => renderPreview(image.source, image.format))) ? path : null;
  }

  return {
    async resolve(kind: MediaKind, datasetId: string, imageId: string): Promise<MediaFile | null> {
      if (!isValidId(datasetId) || !isValidId(imageId)) return null;
      const image = await index.find(datasetId, imageId);
      if (!image) return null;
      const path =
        kind === 'thumb'
          ? await thumb(datasetId, imageId, image)
          : kind === 'preview'
            ? await preview(datasetId, imageId, image)
            : null;
      return path && isInside(store.datasetDir(datasetId), path) ? { path, mimeType: JPEG } : null;
    },
  };
}

/** Belt and braces over the id check: the final path must lie strictly inside the dataset folder. */
function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && rel.split(sep)[0] !== '..' && !isAbsolute(rel);
}

const isFile = (p: string) =>
  stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
const isDir = (p: string) =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
