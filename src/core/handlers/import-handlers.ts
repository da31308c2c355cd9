import { importIntoDataset } from '../workflow';
import { absolutePath } from './absolute-path';
import type { BackendContext } from './context';
import type { Handlers } from './types';

export function importHandlers(ctx: BackendContext): Pick<Handlers, 'importPaths'> {
  return {
    /** New files are added, files already in the dataset keep their captions; progress goes out as events. */
    async importPaths(datasetId, paths) {
      const absolute = paths.map(absolutePath);
      return ctx.tasks.run(async (signal) => {
        const result = await importIntoDataset(ctx.deps.store, datasetId, absolute, {
          signal,
          onProgress: (progress) => ctx.deps.emit('importProgress', { datasetId, progress }),
        });
        ctx.known.rememberDataset(result.manifest);
        return { added: result.added.length, total: result.manifest.images.length, skipped: result.skipped };
      });
    },
  };
}
