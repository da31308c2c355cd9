import { appPaths } from '../core/app-paths';
import { checkDataset } from '../core/check';
import { createDatasetStore } from '../core/datasets';
import { triggerError } from '../shared/caption';
import type { CheckReport } from '../shared/check';
import type { DatasetManifest } from '../shared/dataset';
import { isAppError } from '../shared/errors';
import { importStep } from './caption-steps';
import { openOrCreateDataset } from './dataset-setup';
import { EXIT, exitCodeOf } from './exit-codes';
import { createProgressReporter } from './progress';

export interface CheckFlags {
  trigger: string;
  json: boolean;
}

/** What `check --json` prints: one object, images named by their source path. */
interface CheckJson {
  datasetId: string;
  /** The same id under the name version 0.1 used, for scripts written then. */
  sessionId: string;
  findings: Array<{ rule: string; severity: string; message: string; images: string[] }>;
}

/**
 * Opens (or resumes) the dataset for these paths and trigger exactly as `caption` does, imports new files, and
 * checks it. Never calls a model, so no key is needed. Exit 0 when nothing is an error (warnings allowed), 1 when
 * something is, 2 on a usage error, 3 when the dataset cannot be read or written.
 */
export async function runCheckCommand(paths: string[], flags: CheckFlags): Promise<number> {
  const problem = triggerError(flags.trigger);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    return EXIT.usage;
  }
  const store = createDatasetStore(appPaths());
  const progress = createProgressReporter();
  try {
    const { manifest: opened, resumed } = await openOrCreateDataset(store, paths, flags.trigger, {});
    progress.line(`${resumed ? 'Checking' : 'New'} dataset ${opened.id}`);
    await importStep({ store, datasetId: opened.id, progress, signal: new AbortController().signal }, paths);
    const { report, manifest } = await checkDataset(store, opened.id);
    const json = toJson(report, manifest);
    process.stdout.write(flags.json ? `${JSON.stringify(json, null, 2)}\n` : formatReport(report, json));
    return report.errors > 0 ? EXIT.incomplete : EXIT.ok;
  } catch (e) {
    progress.stop();
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return isAppError(e) ? exitCodeOf(e.kind) : EXIT.fatal;
  } finally {
    await store.close().catch(() => {});
  }
}

function toJson(report: CheckReport, manifest: DatasetManifest): CheckJson {
  const sources = new Map(manifest.images.map((i) => [i.id, i.source]));
  return {
    datasetId: report.datasetId,
    sessionId: report.datasetId,
    findings: report.findings.map(({ rule, severity, message, imageIds }) => ({
      ...{ rule, severity, message },
      images: imageIds.map((id) => sources.get(id) ?? id),
    })),
  };
}

/** Shown per finding before "and N more". */
const SHOWN_IMAGES = 5;

function formatReport(report: CheckReport, json: CheckJson): string {
  const lines = [`Checked ${report.images} included image(s) of dataset ${report.datasetId}.`];
  for (const f of json.findings) {
    lines.push(`${f.severity.padEnd(7)} ${f.rule}: ${f.message}`);
    const more = f.images.length - SHOWN_IMAGES;
    for (const image of f.images.slice(0, SHOWN_IMAGES)) lines.push(`          ${image}`);
    if (more > 0) lines.push(`          … and ${more} more`);
  }
  const info = json.findings.length - report.errors - report.warnings;
  lines.push(
    json.findings.length === 0
      ? 'No problems found.'
      : `${report.errors} error(s), ${report.warnings} warning(s), ${info} note(s).`,
  );
  return `${lines.join('\n')}\n`;
}
