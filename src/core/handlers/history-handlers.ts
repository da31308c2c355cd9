import { AppError } from '../../shared/errors';
import type { Handlers } from './types';

type HistoryCalls = 'applyBulkEdit' | 'undo' | 'redo' | 'undoState' | 'imageHistory' | 'restoreVersion';

/** Placeholder while the history lands in the store: every call says so instead of pretending to work. */
export function historyHandlers(): Pick<Handlers, HistoryCalls> {
  const notYet = async (): Promise<never> => {
    throw new AppError('internal', 'Undo, history and bulk edits are not built yet in this version.');
  };
  return {
    applyBulkEdit: notYet,
    undo: notYet,
    redo: notYet,
    undoState: notYet,
    imageHistory: notYet,
    restoreVersion: notYet,
  };
}
