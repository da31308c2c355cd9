import type { ImageFormat } from '../../shared/dataset';
import type { SessionStore } from '../datasets';

/** What the media service needs of an image; fixed for an id (the id is derived from the source path). */
export interface ImageRef {
  source: string;
  format: ImageFormat;
}

/** Sessions whose image list stays in memory; a gallery shows one session at a time. */
const MAX_SESSIONS = 4;

/**
 * Which images belong to which session, without reading the manifest for each of the thousands of thumbnail
 * requests a gallery makes. An entry never goes stale in a harmful way: an id always names the same source, and
 * images are never removed from a session (only excluded). An unknown id triggers one reload (the image may have
 * been imported since), shared by every request waiting for it.
 */
export function createImageIndex(store: SessionStore) {
  const sessions = new Map<string, Map<string, ImageRef>>();
  const loading = new Map<string, Promise<Map<string, ImageRef> | null>>();

  function reload(sessionId: string): Promise<Map<string, ImageRef> | null> {
    const pending = loading.get(sessionId);
    if (pending) return pending;
    const next = store
      .load(sessionId)
      .then((m) => {
        const images = new Map(m.images.map((i) => [i.id, { source: i.source, format: i.format }]));
        sessions.delete(sessionId);
        sessions.set(sessionId, images);
        for (const old of sessions.keys()) {
          if (sessions.size <= MAX_SESSIONS) break;
          sessions.delete(old);
        }
        return images;
      })
      .catch(() => null) // unknown or unreadable session: nothing to serve
      .finally(() => loading.delete(sessionId));
    loading.set(sessionId, next);
    return next;
  }

  return {
    async find(sessionId: string, imageId: string): Promise<ImageRef | null> {
      const known = sessions.get(sessionId)?.get(imageId);
      if (known) return known;
      return (await reload(sessionId))?.get(imageId) ?? null;
    },
  };
}
