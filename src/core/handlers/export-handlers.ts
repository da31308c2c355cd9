import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ExportProgress, ExportReport } from '../../shared/progress';
import { type ExportOptions, exportFolder, exportZip } from '../exporter';
import { absolutePath } from './absolute-path';
import type { BackendContext } from './context';
import type { Handlers } from './types';

type Writer = (opts: ExportOptions, path: string) => Promise<ExportReport>;

/**
 * Exports pass the exporter's refusals through unchanged: `validation` with `details.problems` listing the images
 * that still need a caption, `io` with a plain sentence about the target.
 */
export function exportHandlers(ctx: BackendContext): Pick<Handlers, 'exportZip' | 'exportFolder'> {
  const { store, emit } = ctx.deps;

  async function run(datasetId: string, target: string, write: Writer): Promise<ExportReport> {
    const path = absolutePath(target);
    const { images, trigger } = await store.load(datasetId);
    return ctx.tasks.run(async (signal) => {
      const onProgress = (progress: ExportProgress) => emit('exportProgress', { datasetId, progress });
      const report = await write({ images, trigger, signal, onProgress }, path);
      // "Show in folder" may now reveal it.
      ctx.known.rememberExport(report.path);
      return report;
    });
  }

  return {
    exportZip: async (datasetId, path) => {
      await assertZipTarget(absolutePath(path));
      return run(datasetId, path, (opts, outPath) => exportZip({ ...opts, outPath }));
    },
    exportFolder: (datasetId, path) => run(datasetId, path, (opts, outDir) => exportFolder({ ...opts, outDir })),
  };
}

/**
 * A ZIP export may only create a `.zip` file or replace an existing ZIP: whatever asks for the export, it can
 * never overwrite another kind of file (a document, a config file) with archive bytes.
 */
async function assertZipTarget(path: string): Promise<void> {
  if (!path.toLowerCase().endsWith('.zip')) throw new AppError('validation', 'The export file name must end in .zip.');
  const head = await readHead(path);
  if (head !== null && !(head[0] === 0x50 && head[1] === 0x4b)) {
    throw new AppError('validation', `${basename(path)} already exists and is not a ZIP file; choose another name.`);
  }
}

/** The first bytes of an existing file, or null when there is none. */
async function readHead(path: string): Promise<Uint8Array | null> {
  const fh = await open(path, 'r').catch(() => null);
  if (!fh) return null;
  try {
    const buffer = new Uint8Array(4);
    await fh.read(buffer, 0, 4, 0);
    return buffer;
  } finally {
    await fh.close();
  }
}
