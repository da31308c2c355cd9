/** Opening images: any supported format upright in sRGB (HEIC through WASM libheif), thumbnails, sharp's limits. */
export { MAX_INPUT_PIXELS, openUpright } from './decode';
export { perceptualHash } from './phash';
export { applyBatchSharpSettings } from './sharp-settings';
export { takenAtFrom } from './taken-at';
export { type RenderedThumbnail, renderThumbnail, thumbnailPath } from './thumbnail';
