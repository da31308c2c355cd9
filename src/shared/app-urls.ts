import { isValidId } from './ids';
/**
 * The desktop app's own URLs, shared by the main process (which serves them) and the preload (which builds media
 * URLs for the page). The UI lives at `caption-studio://app/`, thumbnails and previews at
 * `caption-studio://media/<kind>/<datasetId>/<imageId>`, so no image ever crosses IPC as base64.
 */

export const APP_SCHEME = 'caption-studio';
export const APP_HOST = 'app';
export const MEDIA_HOST = 'media';

/** Origin of the packaged UI (a standard, secure custom scheme has a real origin). */
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MEDIA_KINDS = ['thumb', 'preview'] as const;
export type MediaKindName = (typeof MEDIA_KINDS)[number];

export function mediaUrlOf(kind: MediaKindName, datasetId: string, imageId: string): string {
  return `${APP_SCHEME}://${MEDIA_HOST}/${kind}/${encodeURIComponent(datasetId)}/${encodeURIComponent(imageId)}`;
}

export interface MediaRequest {
  kind: MediaKindName;
  datasetId: string;
  imageId: string;
}

/** The media request a URL pathname names (`/<kind>/<sid>/<iid>`), or null for anything else. */
export function parseMediaPath(pathname: string): MediaRequest | null {
  const parts = pathname.split('/');
  if (parts.length !== 4 || parts[0] !== '') return null;
  const [, kind, datasetId, imageId] = parts;
  if (!MEDIA_KINDS.includes(kind as MediaKindName)) return null;
  if (!datasetId || !imageId || !isValidId(datasetId) || !isValidId(imageId)) return null;
  return { kind: kind as MediaKindName, datasetId, imageId };
}
