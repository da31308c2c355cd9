import type { KeyStatus } from '../../shared/contract';
import { maskKey } from '../secrets';
import { accountOf, planTraining, REPLICATE_TOKEN_ACCOUNT, replicateToken } from '../training';
import type { BackendContext } from './context';
import type { TrainingManager } from './training-manager';
import type { Handlers } from './types';

type TrainingCalls =
  | 'replicateTokenStatus'
  | 'setReplicateToken'
  | 'removeReplicateToken'
  | 'planTraining'
  | 'startTraining'
  | 'cancelTraining';

/** Where the Replicate token comes from and its masked form; the token itself never leaves the main process. */
async function tokenStatus(ctx: BackendContext): Promise<KeyStatus> {
  const found = await replicateToken(ctx.deps.keychain, ctx.env);
  return found
    ? { present: true, source: found.source, masked: maskKey(found.token) }
    : { present: false, source: null, masked: null };
}

export function trainingHandlers(ctx: BackendContext, trainings: TrainingManager): Pick<Handlers, TrainingCalls> {
  const entry = () => ctx.deps.keychain.entry(REPLICATE_TOKEN_ACCOUNT);
  return {
    replicateTokenStatus: () => tokenStatus(ctx),

    /** Tested against Replicate (`GET /v1/account`) and only then stored: a rejected token is never saved. */
    async setReplicateToken(token) {
      await accountOf(token, ctx.env);
      await entry().set(token);
      return tokenStatus(ctx);
    },

    async removeReplicateToken() {
      await entry().remove();
      return tokenStatus(ctx);
    },

    planTraining: async (datasetId) => planTraining(trainings.deps, await ctx.deps.store.load(datasetId)),
    startTraining: (datasetId, request) => trainings.start(datasetId, request),
    cancelTraining: (datasetId) => trainings.cancel(datasetId),
  };
}
