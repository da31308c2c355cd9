import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IMAGES } from '../../src/core/self-test';
import { removeDir, tempDir } from '../support/fixtures';
import { lineOf, runBuiltSelfTest } from '../support/self-test';

/**
 * The self-test as the build ships it (out/main/self-test.js), run by plain Node: every module resolved from the
 * built file as the app's main process would resolve it, the sample images from resources/self-test. What Electron
 * adds (its own check, the paths) is tested in src/main/mode.test.ts; the packaged app in package-app.test.ts.
 */

const REPO = resolve(import.meta.dirname, '../..');
const ENTRY = join(REPO, 'out', 'main', 'self-test.js');
const IMAGES = join(REPO, 'resources', 'self-test');
const FORMATS = Object.keys(SAMPLE_IMAGES);

let scratch = '';
beforeAll(async () => {
  if (!existsSync(ENTRY))
    await promisify(execFile)(join(REPO, 'node_modules/.bin/electron-vite'), ['build'], { cwd: REPO });
  scratch = await tempDir('caption-studio-self-test-');
}, 120_000);
afterAll(() => removeDir(scratch));

describe('the built self-test in plain Node', () => {
  it('passes every check, creating the data folder, and exits 0', async () => {
    const dataDir = join(scratch, 'fresh', 'Caption Studio');
    const { status, stdout } = await runBuiltSelfTest(ENTRY, { imagesDir: IMAGES, dataDir });
    expect(stdout).toMatch(/All \d+ checks passed\.\n$/);
    expect(status).toBe(0);
    expect(lineOf(stdout, 'sharp + libvips')).toMatch(
      /^ok {4}.*sharp \d+\.\d+\.\d+, libvips \d+\.\d+\.\d+ \(.*heif [\d.]+.*\), .*\.node/,
    );
    expect(lineOf(stdout, 'keychain binding')).toMatch(/^ok .*keyring.*\.node/);
    expect(lineOf(stdout, 'HEIC decoder (WASM, worker)')).toMatch(/^ok .*256×256 in a worker thread/);
    for (const format of FORMATS) expect(lineOf(stdout, `decode ${format}`)).toMatch(/^ok /);
    expect(lineOf(stdout, 'datasets')).toContain('0 datasets in');
    expect(existsSync(join(dataDir, 'datasets'))).toBe(true);
  });

  it('fails, and exits 1, when a sample image is missing or damaged; the other checks still run', async () => {
    const images = join(scratch, 'images');
    await cp(IMAGES, images, { recursive: true });
    await rm(join(images, SAMPLE_IMAGES.avif.file));
    await writeFile(join(images, SAMPLE_IMAGES.png.file), 'not a PNG at all');
    const { status, stdout } = await runBuiltSelfTest(ENTRY, { imagesDir: images, dataDir: join(scratch, 'data') });
    expect(lineOf(stdout, 'decode avif')).toMatch(/^FAIL .*missing .*sample\.avif/);
    expect(lineOf(stdout, 'decode png')).toMatch(/^FAIL .*not recognised as png/);
    expect(lineOf(stdout, 'decode jpeg')).toMatch(/^ok /);
    expect(stdout).toContain('2 of ');
    expect(status).toBe(1);
  });

  it('fails the data checks when the data folder cannot be created', async () => {
    const blocker = join(scratch, 'a-file');
    await writeFile(blocker, 'a file where the data folder should be');
    const { status, stdout } = await runBuiltSelfTest(ENTRY, { imagesDir: IMAGES, dataDir: join(blocker, 'data') });
    expect(lineOf(stdout, 'data folder')).toMatch(/^FAIL .*(ENOTDIR|EEXIST)/);
    expect(lineOf(stdout, 'datasets')).toMatch(/^FAIL /);
    expect(status).toBe(1);
  });
});
