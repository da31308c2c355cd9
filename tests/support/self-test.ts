import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Runs a built self-test entry (out/main/self-test.js, or the same file inside an unpacked package) in a plain
 * Node child process: the app's main process minus Electron, resolving every module from where that file lies.
 * The script is CommonJS on purpose: flags such as --input-type=module are inherited by worker threads, and would
 * turn the HEIC worker's CommonJS source into an ES module that Electron never sees.
 */

export interface SelfTestRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface BuiltSelfTestOptions {
  imagesDir: string;
  dataDir: string;
}

const SCRIPT = `
const [entry, options] = process.argv.slice(1);
import(entry)
  .then(({ runSelfTest }) => runSelfTest({ title: 'self-test in plain Node', ...JSON.parse(options) }))
  .then((outcome) => {
    process.stdout.write(outcome.report);
    process.exitCode = outcome.exitCode;
  });
`;

export function runBuiltSelfTest(entry: string, options: BuiltSelfTestOptions): Promise<SelfTestRun> {
  const args = ['-e', SCRIPT, pathToFileURL(entry).href, JSON.stringify(options)];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

/** The report's line for a check: `ok` or `FAIL`, the name, the detail. */
export function lineOf(report: string, check: string): string {
  const line = report.split('\n').find((l) => l.slice(6).startsWith(`${check} `));
  if (!line) throw new Error(`no line for "${check}" in:\n${report}`);
  return line;
}
