import { AppError } from '../../shared/errors';
import type { Handlers } from './types';

/** Placeholder while the check is built: the call says so instead of pretending to work. */
export function checkHandlers(): Pick<Handlers, 'checkDataset'> {
  return {
    async checkDataset() {
      throw new AppError('internal', 'The dataset check is not built yet in this version.');
    },
  };
}
