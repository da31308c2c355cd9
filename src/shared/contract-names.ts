/**
 * The names of the contract's calls and events and the channel each one travels on, with no schema attached.
 * The sandboxed preload can only run a single self-contained CommonJS file, so it imports these plain lists
 * instead of contract.ts (which would bundle zod into it). contract.ts re-exports them and checks at compile
 * time that they list exactly its calls and events, so the two can never drift apart.
 */

const CALL_NAMES = [
  'listDatasets',
  'createDataset',
  'openDataset',
  'renameDataset',
  'deleteDataset',
  'updateDatasetSettings',
  'importPaths',
  'setCaption',
  'setExcluded',
  'applyBulkEdit',
  'undo',
  'redo',
  'undoState',
  'imageHistory',
  'restoreVersion',
  'checkDataset',
  'estimateRun',
  'startRun',
  'pauseRun',
  'resumeRun',
  'cancelRun',
  'cancelBatch',
  'exportZip',
  'exportFolder',
  'exportDataset',
  'cancelExport',
  'setExportChoice',
  'replicateTokenStatus',
  'setReplicateToken',
  'removeReplicateToken',
  'planTraining',
  'startTraining',
  'cancelTraining',
  'chooseFolder',
  'chooseFiles',
  'chooseExportPath',
  'showInFolder',
  'openImage',
  'openExternal',
  'getSettings',
  'setSettings',
  'factorySettings',
  'keyStatus',
  'setKey',
  'testKey',
  'removeKey',
  'listModels',
  'serverKeyStatus',
  'setServerKey',
  'removeServerKey',
  'draftsFlushed',
] as const;

const EVENT_NAMES = [
  'importProgress',
  'runProgress',
  'imageUpdated',
  'imagesUpdated',
  'historyChanged',
  'runFinished',
  'exportProgress',
  'batchUpdated',
  'trainingUpdated',
  'menuCommand',
  'flushDrafts',
] as const;

export type ListedCallName = (typeof CALL_NAMES)[number];
export type ListedEventName = (typeof EVENT_NAMES)[number];

export const callNames: ListedCallName[] = [...CALL_NAMES];
export const eventNames: readonly ListedEventName[] = EVENT_NAMES;

/** The IPC channel of a call or an event: derived, never spelled out elsewhere. */
export const channelOf = (name: ListedCallName | ListedEventName): string => `caption-studio:${name}`;

/** `runProgress` -> `onRunProgress`: the name of an event's subscribe function in the renderer API. */
export const listenerNameOf = <K extends ListedEventName>(name: K): `on${Capitalize<K>}` =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as `on${Capitalize<K>}`;
