import { AppError } from '../../shared/errors';
import type { Handlers } from './types';

type TrainingCalls =
  | 'replicateTokenStatus'
  | 'setReplicateToken'
  | 'removeReplicateToken'
  | 'planTraining'
  | 'startTraining'
  | 'cancelTraining';

const notYet = async (): Promise<never> => {
  throw new AppError('internal', 'Training on Replicate is not available in this build yet.');
};

/** Training on Replicate: the contract is in place; the implementation follows in the next commits. */
export function trainingHandlers(): Pick<Handlers, TrainingCalls> {
  return {
    replicateTokenStatus: async () => ({ present: false, source: null, masked: null }),
    setReplicateToken: notYet,
    removeReplicateToken: async () => ({ present: false, source: null, masked: null }),
    planTraining: notYet,
    startTraining: notYet,
    cancelTraining: async () => null,
  };
}
