import type { ExportProgress, ExportReport } from '../../shared/progress';
import { type ExportOptions, exportFolder, exportZip } from '../services/exporter';
import type { BackendContext } from './context';
import { absolutePath } from './paths';
import type { Handlers } from './types';

type Writer = (opts: ExportOptions, path: string) => Promise<ExportReport>;

/**
 * Exports pass the exporter's refusals through unchanged: `validation` with `details.problems` listing the images
 * that still need a caption, `io` with a plain sentence about the target.
 */
export function exportHandlers(ctx: BackendContext): Pick<Handlers, 'exportZip' | 'exportFolder'> {
  const { store, emit } = ctx.deps;

  async function run(sessionId: string, target: string, write: Writer): Promise<ExportReport> {
    const path = absolutePath(target);
    const { images, trigger } = await store.load(sessionId);
    return ctx.tasks.run(async (signal) => {
      const onProgress = (progress: ExportProgress) => emit('exportProgress', { sessionId, progress });
      const report = await write({ images, trigger, signal, onProgress }, path);
      // "Show in folder" may now reveal it.
      ctx.known.rememberExport(report.path);
      return report;
    });
  }

  return {
    exportZip: (sessionId, path) => run(sessionId, path, (opts, outPath) => exportZip({ ...opts, outPath })),
    exportFolder: (sessionId, path) => run(sessionId, path, (opts, outDir) => exportFolder({ ...opts, outDir })),
  };
}
