import { importIntoSession } from '../workflow/import-into-dataset';
import { absolutePath } from './absolute-path';
import type { BackendContext } from './context';
import type { Handlers } from './types';

export function importHandlers(ctx: BackendContext): Pick<Handlers, 'importPaths'> {
  return {
    /** New files are added, files already in the dataset keep their captions; progress goes out as events. */
    async importPaths(sessionId, paths) {
      const absolute = paths.map(absolutePath);
      return ctx.tasks.run(async (signal) => {
        const result = await importIntoSession(ctx.deps.store, sessionId, absolute, {
          signal,
          onProgress: (progress) => ctx.deps.emit('importProgress', { sessionId, progress }),
        });
        ctx.known.rememberSession(result.manifest);
        return { added: result.added.length, total: result.manifest.images.length, skipped: result.skipped };
      });
    },
  };
}
