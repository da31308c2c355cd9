/** The exporter: turns a dataset's images and captions into a trainer-ready dataset (ZIP, folder or beside). */
export { exportDataset } from './export-dataset';
export { planOrRefuse } from './export-errors';
export { exportFolder } from './folder';
export { assignExportNames, defaultZipName } from './naming';
export { planExport } from './plan';
export type {
  ExportOptions,
  ExportProgress,
} from './types';
export { exportZip, WHOLE_FILE_LIMIT } from './zip';
export { createDatasetZip } from './zip-engine';
