import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IMAGES, SELF_TEST_IMAGES_DIR } from '../../src/core/self-test';
import { type AsarListing, asarFiles, dirSize, makeStandInElectron, owner, unpackedView } from '../support/packaging';
import { lineOf, runBuiltSelfTest } from '../support/self-test';

/**
 * Packages the real app with electron-builder (`--linux dir`) around a STAND-IN Electron, since no Electron binary
 * can be downloaded here: electron-builder copies whatever unpacked distribution `-c.electronDist` names. The
 * stand-in executable carries Electron's fuse sentinel and its default fuse wire, so electron-builder's real fuse
 * step flips it and the test reads the result back, exactly as `npx @electron/fuses read` does on a real binary.
 */
const REPO = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const bin = (name: string) => join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const EXPECTED_WIRE = '01001100';
const MB = 1024 * 1024;

// electron-builder's Linux packaging runs on Linux and macOS hosts; it has not been tried from Windows here.
describe.skipIf(process.platform === 'win32')('packaged app (electron-builder --linux dir, stand-in Electron)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'caption-studio-package-'));
  const appDir = join(scratch, 'release', 'linux-unpacked');
  const resources = join(appDir, 'resources');
  let files: AsarListing = new Map();

  beforeAll(async () => {
    const built = ['index.js', 'self-test.js'].every((entry) => existsSync(join(REPO, 'out', 'main', entry)));
    if (!built) await run(bin('electron-vite'), ['build'], { cwd: REPO });
    const { version } = (await import('electron/package.json', { with: { type: 'json' } })).default;
    makeStandInElectron(join(scratch, 'electron'), version);
    await run(
      bin('electron-builder'),
      [
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${join(scratch, 'electron')}`,
        `-c.directories.output=${join(scratch, 'release')}`,
      ],
      { cwd: REPO, maxBuffer: 64 * MB, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    files = asarFiles(join(resources, 'app.asar'));
  }, 300_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds the built app and nothing of the sources', () => {
    const paths = [...files.keys()];
    const entries = [
      '/out/main/index.js',
      '/out/main/self-test.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ];
    for (const built of ['/package.json', ...entries]) {
      expect(files.has(built), built).toBe(true);
    }
    const own = paths.filter((p) => !p.startsWith('/node_modules/'));
    expect(own.filter((p) => !p.startsWith('/out/') && p !== '/package.json')).toEqual([]);
    expect(paths.filter((p) => /^\/(src|tests|docs|bench|scripts|resources|build)\//.test(p))).toEqual([]);
    expect(paths.filter((p) => /\.(map|tsx?|mts|cts)$/.test(p))).toEqual([]);
  });

  it('packs production dependencies only', () => {
    const packages = new Set([...files.keys()].filter((p) => p.startsWith('/node_modules/')).map(owner));
    for (const dep of ['sharp', '@google/genai', 'zod', 'electron-updater', 'zip-stream'])
      expect(packages).toContain(dep);
    for (const dev of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', '@biomejs/biome', 'tsx']) {
      expect(packages).not.toContain(dev);
    }
  });

  it('unpacks sharp, libvips and the keyring addon beside the asar', () => {
    const unpacked = join(resources, 'app.asar.unpacked', 'node_modules');
    expect(existsSync(join(unpacked, 'sharp', 'package.json'))).toBe(true);
    const natives = [...files].filter(([p]) => p.endsWith('.node'));
    expect(natives.map(([p]) => owner(p))).toEqual(expect.arrayContaining([expect.stringMatching(/^@img\/sharp-/)]));
    for (const [path, { unpacked: isUnpacked }] of natives) {
      expect(isUnpacked, path).toBe(true);
      expect(existsSync(join(resources, 'app.asar.unpacked', path)), path).toBe(true);
    }
    expect(natives.some(([p]) => p.includes('/@napi-rs/keyring'))).toBe(true);
  });

  it('keeps context isolation, the sandbox and the CSP in the packaged code', () => {
    const asar = join(resources, 'app.asar');
    // The main process is split into the entry and chunks it loads on demand; the window code is in one of them.
    const main = [...files.keys()]
      .filter((p) => p.startsWith('/out/main/') && p.endsWith('.js'))
      .map((p) => extractFile(asar, p.slice(1)).toString('utf8'))
      .join('\n');
    for (const setting of [/contextIsolation: true/, /sandbox: true/, /nodeIntegration: false/, /webSecurity: true/])
      expect(main, String(setting)).toMatch(setting);
    expect(main).toMatch(/\["script-src", "'self'"\]/);
    expect(main).toMatch(/"Content-Security-Policy": CONTENT_SECURITY_POLICY/);
    const page = extractFile(asar, 'out/renderer/index.html').toString('utf8');
    expect(page.replaceAll('&#39;', "'")).toMatch(/http-equiv="Content-Security-Policy"[^>]*script-src 'self';/);
  });

  it('ships the self-test sample images beside app.asar', () => {
    for (const { file } of Object.values(SAMPLE_IMAGES)) {
      expect(existsSync(join(resources, SELF_TEST_IMAGES_DIR, file)), file).toBe(true);
    }
  });

  /** The packaged self-test in plain Node, over `view` (unpackedView) and the images beside app.asar. */
  const selfTest = (view: string) =>
    runBuiltSelfTest(join(view, 'out', 'main', 'self-test.js'), {
      imagesDir: join(resources, SELF_TEST_IMAGES_DIR),
      dataDir: join(scratch, 'data'),
    });

  it('passes its own self-test with every module taken from the package', async () => {
    const view = realpathSync(unpackedView(resources, join(scratch, 'view')));
    const { status, stdout } = await selfTest(view);
    expect(stdout).toMatch(/All \d+ checks passed\.\n$/);
    expect(status).toBe(0);
    expect(lineOf(stdout, 'sharp + libvips')).toContain(join(view, 'node_modules', '@img'));
    expect(lineOf(stdout, 'keychain binding')).toContain(join(view, 'node_modules', '@napi-rs'));
    expect(lineOf(stdout, 'HEIC decoder (WASM, worker)')).toContain(join(view, 'node_modules', 'heic-decode'));
  });

  it('fails its self-test, and only where it should, when libvips is left inside the asar', async () => {
    // What a missing asarUnpack entry for @img would ship: sharp's addon and libvips packed, so unloadable.
    const view = unpackedView(resources, join(scratch, 'view-libvips-packed'), (p) =>
      p.includes('/node_modules/@img/'),
    );
    const { status, stdout } = await selfTest(view);
    expect(lineOf(stdout, 'sharp + libvips')).toMatch(/^FAIL .*sharp/);
    for (const format of Object.keys(SAMPLE_IMAGES)) expect(lineOf(stdout, `decode ${format}`)).toMatch(/^FAIL /);
    for (const check of ['keychain binding', 'HEIC decoder (WASM, worker)', 'data folder', 'datasets']) {
      expect(lineOf(stdout, check)).toMatch(/^ok /);
    }
    expect(status).toBe(1);
  });

  it('flips every fuse in the packaged executable', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'caption-studio'));
    const states = Array.from({ length: EXPECTED_WIRE.length }, (_, i) => wire[i as keyof typeof wire]);
    // A fuse's state is the byte '0' (disabled) or '1' (enabled).
    expect(String.fromCharCode(...states.map(Number))).toBe(EXPECTED_WIRE);
  });

  it('reports the package size and its biggest contributors', () => {
    const byOwner = new Map<string, number>();
    for (const [path, { size }] of files) byOwner.set(owner(path), (byOwner.get(owner(path)) ?? 0) + size);
    const asarBytes = statSync(join(resources, 'app.asar')).size;
    const unpackedBytes = dirSize(join(resources, 'app.asar.unpacked'));
    const top = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(
      [
        `app payload: ${((asarBytes + unpackedBytes) / MB).toFixed(1)} MB (app.asar ${(asarBytes / MB).toFixed(1)} MB + unpacked ${(unpackedBytes / MB).toFixed(1)} MB), ${files.size} files, Electron itself not included`,
        ...top.map(([name, bytes]) => `  ${(bytes / MB).toFixed(2).padStart(7)} MB  ${name}`),
      ].join('\n'),
    );
    // A generous ceiling: packaging a devDependency (electron, vite, typescript...) by mistake would blow it.
    expect(asarBytes + unpackedBytes).toBeLessThan(150 * MB);
  });
});
