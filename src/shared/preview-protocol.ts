/**
 * The browser preview's HTTP routes and token header, shared by its server (src/preview) and the renderer's HTTP
 * bridge (src/renderer/src/api/http-bridge.ts), so neither side spells them on its own.
 */

/** `POST /api/<callName>` with the argument tuple as JSON; answered with the call's envelope. */
export const PREVIEW_API_PREFIX = '/api/';
/** Server-sent events: one `event: <eventName>` with a JSON `data:` line per contract event. */
export const PREVIEW_EVENTS_PATH = '/api/events';
/** `GET /media/<kind>/<datasetId>/<imageId>`. */
export const PREVIEW_MEDIA_PREFIX = '/media';
/** Carries the per-run token on API requests. */
export const PREVIEW_TOKEN_HEADER = 'x-caption-studio-token';

export function previewMediaPath(kind: string, datasetId: string, imageId: string): string {
  return `${PREVIEW_MEDIA_PREFIX}/${kind}/${encodeURIComponent(datasetId)}/${encodeURIComponent(imageId)}`;
}
