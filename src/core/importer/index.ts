/** The importer service: turns dropped files and folders into dataset images plus per-file skip reasons. */

export { thumbnailPath } from '../images/thumbnail';
export { imageIdFor } from './image-id';
export { importPaths } from './import';
export type { ImportedImage, ImportOptions, ImportProgress, ImportResult } from './types';
