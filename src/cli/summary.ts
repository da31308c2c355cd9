import type { RunSummary } from '../core/captioner';
import { captionError } from '../shared/caption';
import type { BatchState, DatasetManifest, SkippedFile } from '../shared/dataset';
import type { BatchStatus, ExportReport } from '../shared/progress';

/** The object `--json` prints: stable field names that scripts can rely on. */
export interface CliResult {
  datasetId: string;
  /** The same id under its version 0.1 name, kept so scripts written then keep working. */
  sessionId: string;
  /** The ZIP written (null when the export went to a folder or beside the originals, or did not happen). */
  zip: string | null;
  /** What the export wrote: its preset and target, where, and (beside) every caption file written. */
  export: { preset: string; target: string; path: string; written: string[]; backups: string[] } | null;
  trigger: string;
  run: RunSummary | null;
  error: string | null;
  images: Array<{
    id: string;
    source: string;
    exportName: string;
    status: string;
    excluded: boolean;
    caption?: string;
    error?: string;
    /** The model that wrote the caption, and the provider it was reached through (null for typed or imported). */
    model: string | null;
    provider: 'gemini' | 'openai' | null;
  }>;
  skipped: SkippedFile[];
  warnings: string[];
  /** With --batch: the Gemini batch job as last seen (null when none was needed). */
  batch?: { name: string | null; state: BatchState } | null;
}

export function buildResult(
  manifest: DatasetManifest,
  extra: {
    zip: string | null;
    export: CliResult['export'];
    run: RunSummary | null;
    error: string | null;
    warnings: string[];
    batch?: CliResult['batch'];
  },
): CliResult {
  return {
    datasetId: manifest.id,
    sessionId: manifest.id,
    trigger: manifest.trigger,
    ...extra,
    images: manifest.images.map((i) => ({
      id: i.id,
      source: i.source,
      exportName: i.exportName,
      status: i.status,
      excluded: i.excluded,
      ...(i.caption !== null ? { caption: i.caption } : {}),
      ...(i.error !== null ? { error: i.error } : {}),
      model: i.captionSource === 'model' ? i.model : null,
      provider: i.captionSource === 'model' ? (i.provider ?? (i.model ? 'gemini' : null)) : null,
    })),
    skipped: manifest.skipped,
  };
}

/** The result's fields about an export (none when nothing was written). */
export function exportedFields(report: ExportReport | null): Pick<CliResult, 'zip' | 'export'> {
  if (!report) return { zip: null, export: null };
  const { preset, target, path, written, backups } = report;
  return { zip: target === 'zip' ? path : null, export: { preset, target, path, written, backups } };
}

/** Included images that would block an export, with the reason in plain words. */
export function uncaptioned(manifest: DatasetManifest): Array<{ relPath: string; reason: string; blocked: boolean }> {
  return manifest.images
    .filter((i) => !i.excluded)
    .flatMap((i) => {
      const problem = captionError(i.caption, manifest.trigger);
      if (problem === null) return [];
      return [{ relPath: i.relPath, reason: i.error ?? problem, blocked: i.status === 'blocked' }];
    });
}

/**
 * The human summary printed at the end (stderr when --json, so stdout stays machine-readable). With a batch job
 * still running, its images are not listed one by one as missing: the job is what they wait for.
 */
export function formatSummary(
  result: CliResult,
  manifest: DatasetManifest,
  pending: BatchStatus | null = null,
): string {
  const lines: string[] = [];
  const captioned = result.images.filter((i) => !i.excluded && i.caption !== undefined).length;
  lines.push(`Dataset ${result.datasetId}: ${result.images.length} images, ${captioned} with a caption.`);
  if (result.skipped.length > 0) {
    lines.push(`Skipped ${result.skipped.length} file(s):`);
    for (const s of result.skipped) lines.push(`  - ${s.path}: ${s.message}`);
  }
  for (const w of result.warnings) lines.push(`Warning: ${w}`);
  const missing = uncaptioned(manifest);
  if (pending) {
    lines.push(
      `${missing.length} image(s) are waiting for the batch job ${pending.name ?? ''} (${pending.state} at Gemini; ` +
        'results within 24 hours). Run the same command again to collect them and write the ZIP.',
    );
  } else if (missing.length > 0) {
    lines.push(`${missing.length} image(s) still need a caption, so nothing was exported:`);
    for (const m of missing) lines.push(`  - ${m.relPath}: ${m.reason}`);
    lines.push('Run the same command again to retry them (finished captions are kept).');
    // A rerun does not send blocked images again (Gemini would refuse them again): a person has to caption them.
    if (missing.some((m) => m.blocked)) {
      lines.push(
        'Images Gemini blocked are not sent again: caption them in the app, exclude them there, or use --recaption.',
      );
    }
  }
  if (result.error) lines.push(result.error);
  const exported = result.export;
  if (exported?.target === 'beside') {
    lines.push(`Wrote ${exported.written.length} caption file(s) next to the images.`);
    for (const b of exported.backups) lines.push(`  kept the earlier caption file as ${b}`);
  } else if (exported) lines.push(`Wrote ${exported.path}`);
  return lines.join('\n');
}
