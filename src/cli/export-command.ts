import { triggerError } from '../shared/caption';
import { AppError } from '../shared/errors';
import { exportStep, importStep, type StepContext } from './caption-steps';
import { runCommand } from './command-run';
import { openOrCreateDataset } from './dataset-setup';
import { EXIT } from './exit-codes';
import { type ExportFlags, exportTargetOf } from './export-flags';
import { buildResult, exportedFields, formatSummary } from './summary';

export interface ExportCommandFlags extends ExportFlags {
  trigger: string;
  json: boolean;
}

/**
 * `export`: opens the dataset as `caption` does (the same folder and trigger find the same dataset; new files are
 * imported), then exports it with the preset without captioning anything. Exit 0 written, 1 refused (an image
 * lacks a caption, an original is missing; nothing written), 2 usage, 3 disk problems.
 */
export async function runExportCommand(paths: string[], flags: ExportCommandFlags): Promise<number> {
  let target: ReturnType<typeof exportTargetOf>;
  try {
    const problem = triggerError(flags.trigger);
    if (problem) throw new AppError('validation', problem);
    target = exportTargetOf(flags, flags.trigger);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return EXIT.usage;
  }
  return runCommand(
    'Stopping… nothing is written until the export is complete.',
    async ({ store, progress, signal }) => {
      const { manifest: opened } = await openOrCreateDataset(store, paths, flags.trigger, {});
      const c: StepContext = { store, datasetId: opened.id, progress, signal };
      const imported = await importStep(c, paths);
      const manifest = await store.load(opened.id);
      const exported = imported.error
        ? { report: null, warnings: [], error: imported.error }
        : await exportStep(c, manifest, target);
      const result = buildResult(manifest, {
        ...exportedFields(exported.report),
        ...{ run: null, error: exported.error, warnings: exported.warnings },
      });
      if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      process.stderr.write(`${formatSummary(result, manifest)}\n`);
      if (exported.report) return EXIT.ok;
      return signal.aborted ? EXIT.interrupted : EXIT.incomplete;
    },
  );
}
