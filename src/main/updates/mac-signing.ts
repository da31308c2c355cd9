import { execFile } from 'node:child_process';
import { type MacSigning, parseCodesign } from './strategy';

/** The .app bundle that contains the running executable (…/Caption Studio.app/Contents/MacOS/Caption Studio). */
export function appBundleOf(execPath: string): string | null {
  const at = execPath.indexOf('.app/');
  return at === -1 ? null : execPath.slice(0, at + 4);
}

/**
 * Asks macOS's own `codesign` how the running app is signed. Any failure is 'unknown', which the strategy treats
 * like unsigned: pointing at the release page is always safe, a Squirrel update that cannot install is not.
 */
export function readMacSigning(execPath: string = process.execPath): Promise<MacSigning> {
  const bundle = appBundleOf(execPath);
  if (!bundle) return Promise.resolve('unknown');
  return new Promise((resolve) => {
    execFile('/usr/bin/codesign', ['-dv', '--verbose=2', bundle], { timeout: 10_000 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}\n${error?.message ?? ''}`;
      resolve(parseCodesign(output));
    });
  });
}
