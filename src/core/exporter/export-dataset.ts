import { AppError } from '../../shared/errors';
import { type ExportChoice, targetOf } from '../../shared/export-presets';
import { exportBeside } from './beside';
import { exportFolder } from './folder';
import { layoutFor } from './layout';
import type { ExportOptions, ExportReport } from './types';
import { exportZip } from './zip';

/**
 * An export with a preset: the dialog's (or the CLI's) choice decides the layout, the target (ZIP, folder or
 * beside the originals), the resize and the GPS removal; the writers keep every rule of today's export (refusal
 * with the list, unique names, atomic write, progress, cancel).
 */
export function exportDataset(
  opts: Omit<ExportOptions, 'shaping'> & { choice: ExportChoice; path: string | null },
): Promise<ExportReport> {
  const { choice, path, ...rest } = opts;
  const shaping = { resizeLongSide: choice.resizeLongSide, keepLocation: choice.keepLocation };
  const target = targetOf(choice);
  if (target === 'beside') return exportBeside({ ...rest, shaping });
  if (path === null) throw new AppError('validation', 'Choose where to export the dataset.');
  const laidOut = {
    ...rest,
    shaping,
    preset: choice.preset,
    layout: layoutFor(choice, rest.trigger, { target, outPath: path }),
  };
  return target === 'zip' ? exportZip({ ...laidOut, outPath: path }) : exportFolder({ ...laidOut, outDir: path });
}
