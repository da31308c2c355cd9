/** The exporter: turns a dataset's images and captions into a trainer-ready dataset (ZIP or folder). */
export { exportFolder } from './folder';
export { assignExportNames, defaultZipName } from './naming';
export { planExport } from './plan';
export type {
  ExportItem,
  ExportMode,
  ExportOptions,
  ExportPlan,
  ExportProblem,
  ExportProgress,
  ExportReport,
} from './types';
export { exportZip } from './zip';
