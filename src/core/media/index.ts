/** Thumbnails and upright previews of a dataset's images, for the app's media protocol and the preview server. */
export { createMediaService, isInside, PREVIEWS_DIR } from './media-service';
export { PREVIEW_LONG_SIDE, renderPreview } from './render';
export type { MediaFile, MediaKind, MediaService } from './types';
