/** The importer service: turns dropped files and folders into dataset images plus per-file skip reasons. */

export { imageIdFor } from './image-id';
export { importPaths } from './import';
export type { ImportedImage, ImportProgress, ImportResult } from './types';
