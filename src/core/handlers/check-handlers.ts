import { checkDataset } from '../check';
import type { BackendContext } from './context';
import type { Handlers } from './types';

export function checkHandlers(ctx: BackendContext): Pick<Handlers, 'checkDataset'> {
  return {
    async checkDataset(datasetId) {
      return (await checkDataset(ctx.deps.store, datasetId)).report;
    },
  };
}
