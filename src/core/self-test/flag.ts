/** The command-line switch that turns the app into a check of its own installation (docs/INSTALL.md). */
export const SELF_TEST_FLAG = '--self-test';

/** Whether this launch is a self-test. An exact match: Chromium and the OS add switches of their own. */
export function isSelfTestRun(argv: readonly string[]): boolean {
  return argv.includes(SELF_TEST_FLAG);
}
