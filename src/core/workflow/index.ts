/** The use cases that join the services: import into a dataset, caption a dataset; a new dataset's settings. */
export { captionDataset, selectJobs } from './caption-dataset';
export { defaultSettings } from './defaults';
export { importIntoDataset } from './import-into-dataset';
export { listModels } from './list-models';
export { outcomePatch } from './outcome-patch';
export { geminiAccess, providerFor, serverKey } from './provider-for';
