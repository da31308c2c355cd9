/** Thumbnails and upright previews of a dataset's images, for the app's media protocol and the preview server. */
export { createMediaService } from './media-service';

export type { MediaService } from './types';
