import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, getRawHeader } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packages the real app with electron-builder (`--linux dir`) around a STAND-IN Electron, since no Electron binary
 * can be downloaded here: electron-builder copies whatever unpacked distribution `-c.electronDist` names. The
 * stand-in executable carries Electron's fuse sentinel and its default fuse wire, so electron-builder's real fuse
 * step flips it and the test reads the result back, exactly as `npx @electron/fuses read` does on a real binary.
 */
const REPO = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const bin = (name: string) => join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped defaults, in wire order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect,
// EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges.
const DEFAULT_WIRE = '10110001';
const EXPECTED_WIRE = '01001100';
const MB = 1024 * 1024;

function makeStandInElectron(dir: string, version: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE)]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in for Electron’s LICENSE\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<html></html>\n');
}

/** Every file in the asar header as path -> { size, unpacked }. */
function asarFiles(archive: string): Map<string, { size: number; unpacked: boolean }> {
  type Node = { files?: Record<string, Node>; size?: number; unpacked?: boolean };
  const out = new Map<string, { size: number; unpacked: boolean }>();
  const walk = (node: Node, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = `${prefix}/${name}`;
      if (child.files) walk(child, path);
      else out.set(path, { size: child.size ?? 0, unpacked: child.unpacked === true });
    }
  };
  walk(getRawHeader(archive).header as Node, '');
  return out;
}

/** Which package (or out/ folder) a packaged path belongs to: '/node_modules/@img/x/...' -> '@img/x'. */
function owner(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const at = parts.lastIndexOf('node_modules');
  if (at === -1) return parts.slice(0, 2).join('/');
  const name = parts[at + 1] ?? '';
  return name.startsWith('@') ? `${name}/${parts[at + 2]}` : name;
}

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

// electron-builder's Linux packaging runs on Linux and macOS hosts; it has not been tried from Windows here.
describe.skipIf(process.platform === 'win32')('packaged app (electron-builder --linux dir, stand-in Electron)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'caption-studio-package-'));
  const appDir = join(scratch, 'release', 'linux-unpacked');
  const resources = join(appDir, 'resources');
  let files = new Map<string, { size: number; unpacked: boolean }>();

  beforeAll(async () => {
    if (!existsSync(join(REPO, 'out', 'main', 'index.js'))) await run(bin('electron-vite'), ['build'], { cwd: REPO });
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
    for (const built of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
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
    const main = extractFile(asar, 'out/main/index.js').toString('utf8');
    for (const setting of [/contextIsolation: true/, /sandbox: true/, /nodeIntegration: false/, /webSecurity: true/])
      expect(main, String(setting)).toMatch(setting);
    expect(main).toMatch(/"script-src": "'self'"/);
    expect(main).toMatch(/"Content-Security-Policy": CONTENT_SECURITY_POLICY/);
    const page = extractFile(asar, 'out/renderer/index.html').toString('utf8');
    expect(page).toMatch(/http-equiv="Content-Security-Policy"[\s\S]*script-src 'self'/);
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
