import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { removeDir, tempDir } from '../support/fixtures';
import { findElectronBinary, REPO } from './electron-binary';

/**
 * `--self-test` in the real Electron, on the built app in the repository (CI also runs it on the packaged app on
 * each OS): the report on stdout, every check passing, exit code 0, and the process gone by itself.
 */

const electronBinary = findElectronBinary();
test.skip(electronBinary === null, 'No Electron binary here (run `npx install-electron` where GitHub is reachable).');

let scratch = '';
test.beforeAll(async () => {
  execFileSync(process.execPath, [join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: REPO,
    stdio: 'inherit',
  });
  scratch = await tempDir('caption-studio-self-test-');
});
test.afterAll(async () => {
  if (scratch) await removeDir(scratch);
});

test('prints a passing report and exits 0 on its own', () => {
  const result = spawnSync(
    electronBinary as string,
    [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), REPO, '--self-test'],
    // The timeout only stops a hung process; the assertions are about what it printed and its exit code.
    { env: { ...process.env, CAPTION_STUDIO_DATA_DIR: join(scratch, 'data') }, encoding: 'utf8', timeout: 120_000 },
  );
  expect(result.stdout).toMatch(/^Caption Studio \S+ self-test \(\w+ \w+, not packaged\)\n/);
  expect(result.stdout).toMatch(/\nok {4}electron {2,}ready: Electron \d+/);
  expect(result.stdout).toMatch(/\nok {4}HEIC decoder \(WASM, worker\) /);
  expect(result.stdout).toMatch(/All \d+ checks passed\.\n$/);
  expect(result.status).toBe(0);
});
