/** Opening images: any supported format upright in sRGB (HEIC through WASM libheif), thumbnails, sharp's limits. */
export { MAX_INPUT_PIXELS, openUpright } from './decode';
export { applyBatchSharpSettings } from './sharp-settings';
export { type RenderedThumbnail, renderThumbnail, thumbnailPath } from './thumbnail';
