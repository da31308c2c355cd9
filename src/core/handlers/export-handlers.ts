import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { type ExportChoice, targetOf } from '../../shared/export-presets';
import type { ExportProgress, ExportReport } from '../../shared/progress';
import { type ExportOptions, exportDataset } from '../exporter';
import { absolutePath } from './absolute-path';
import type { BackendContext } from './context';
import type { Handlers } from './types';

type Writer = (opts: Omit<ExportOptions, 'shaping'>) => Promise<ExportReport>;
type ExportCalls = 'exportZip' | 'exportFolder' | 'exportDataset' | 'cancelExport' | 'setExportChoice';

/**
 * Exports pass the exporter's refusals through unchanged: `validation` with `details.problems` listing the images
 * that still need a caption, `io` with a plain sentence about the target.
 */
export function exportHandlers(ctx: BackendContext): Pick<Handlers, ExportCalls> {
  const { store, emit } = ctx.deps;
  /** The running export of each dataset, so the user's cancel reaches it. */
  const running = new Map<string, AbortController>();

  async function run(datasetId: string, write: Writer): Promise<ExportReport> {
    const { images, trigger } = await store.load(datasetId);
    return ctx.tasks.run(async (closing) => {
      const cancel = new AbortController();
      running.get(datasetId)?.abort();
      running.set(datasetId, cancel);
      const signal = AbortSignal.any([closing, cancel.signal]);
      try {
        const onProgress = (progress: ExportProgress) => emit('exportProgress', { datasetId, progress });
        const report = await write({ images, trigger, signal, onProgress });
        // "Show in folder" may now reveal it.
        ctx.known.rememberExport(report.path);
        return report;
      } finally {
        if (running.get(datasetId) === cancel) running.delete(datasetId);
      }
    });
  }

  const saveChoice = async (datasetId: string, choice: ExportChoice): Promise<ExportChoice> => {
    const saved = await store.modify(datasetId, (m) => ({ ...m, exportChoice: choice }));
    return saved.exportChoice;
  };

  /** Checks the target for the choice (an absolute path; a ZIP only over a ZIP), then exports. */
  async function exportWith(datasetId: string, choice: ExportChoice, target: string | null): Promise<ExportReport> {
    const kind = targetOf(choice);
    if (kind !== 'beside' && target === null) throw new AppError('validation', 'Choose where to export the dataset.');
    const path = kind === 'beside' || target === null ? null : absolutePath(target);
    if (kind === 'zip' && path) await assertZipTarget(path);
    return run(datasetId, (opts) => exportDataset({ ...opts, choice, path }));
  }

  /** The calls of before presets: the Replicate layout, with the dataset's remembered resize and GPS choice. */
  const replicate = async (datasetId: string, path: string, target: 'zip' | 'folder') => {
    const { exportChoice } = await store.load(datasetId);
    return exportWith(datasetId, { ...exportChoice, preset: 'replicate', target }, path);
  };

  return {
    exportZip: (datasetId, path) => replicate(datasetId, path, 'zip'),
    exportFolder: (datasetId, path) => replicate(datasetId, path, 'folder'),
    async exportDataset(datasetId, { choice, path }) {
      await saveChoice(datasetId, choice);
      return exportWith(datasetId, choice, path);
    },
    async cancelExport(datasetId) {
      running.get(datasetId)?.abort();
    },
    setExportChoice: saveChoice,
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
