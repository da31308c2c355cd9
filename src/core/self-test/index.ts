import { dataFolderCheck, datasetsCheck } from './checks/data-checks';
import { heicWorkerCheck } from './checks/heic-check';
import { imageChecks } from './checks/image-checks';
import { keychainCheck, sharpCheck } from './checks/native-checks';
import { exitCodeOf, formatReport } from './report';
import { type Check, type CheckResult, runChecks } from './runner';

/**
 * The installation check behind `--self-test`, free of Electron so plain Node can run it against a build or an
 * unpacked package. The host supplies the paths (the Electron entry: process.resourcesPath and app.getPath) and
 * any checks only it can run. Nothing native is imported at the top of these modules: each check loads what it
 * needs, so a missing module fails its own line and the report still prints.
 */

export { isSelfTestRun, SELF_TEST_FLAG } from './flag';
export { SAMPLE_IMAGES, SELF_TEST_IMAGES_DIR } from './images';
export type { Check, CheckResult } from './runner';

export interface SelfTestOptions {
  /** First line of the report (app, version, platform). */
  title: string;
  /** The folder holding the sample images (images.ts). */
  imagesDir: string;
  /** The app data folder; created when missing. */
  dataDir: string;
  /** Host checks, run before the standard ones. */
  hostChecks?: readonly Check[];
  timeoutMs?: number;
}

export interface SelfTestOutcome {
  results: CheckResult[];
  /** The printable report, ending in a newline. */
  report: string;
  exitCode: 0 | 1;
}

function standardChecks(imagesDir: string, dataDir: string): Check[] {
  return [
    sharpCheck(),
    keychainCheck(),
    heicWorkerCheck(imagesDir),
    ...imageChecks(imagesDir),
    dataFolderCheck(dataDir),
    datasetsCheck(dataDir),
  ];
}

export async function runSelfTest(options: SelfTestOptions): Promise<SelfTestOutcome> {
  const checks = [...(options.hostChecks ?? []), ...standardChecks(options.imagesDir, options.dataDir)];
  const results = await runChecks(checks, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  return { results, report: formatReport(options.title, results), exitCode: exitCodeOf(results) };
}
