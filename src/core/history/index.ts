/** Undo, redo, an image's versions and bulk edits, on the steps the dataset store records. */
export { createHistoryService, type HistoryService } from './history-service';
