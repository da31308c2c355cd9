import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';

/**
 * The built main process is an ES module that imports its dependencies by name. A CommonJS package whose names
 * Node's ESM loader cannot see (or a package left out of `dependencies`) would only fail when the real app starts,
 * which cannot happen here (no Electron binary). So: run the bundle's own import lines in a real Node process, and
 * check every package it imports is a production dependency (the only ones packaged).
 */

const REPO = resolve(import.meta.dirname, '../..');
const BUNDLE = resolve(REPO, 'out/main/index.js');
const run = promisify(execFile);
/** These import `electron` themselves, so they only load inside Electron; they are ES modules, so names are safe. */
const NEEDS_ELECTRON = new Set(['electron-store', 'electron-updater']);

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

let bundle = '';
beforeAll(async () => {
  if (!existsSync(BUNDLE)) await run(resolve(REPO, 'node_modules/.bin/electron-vite'), ['build'], { cwd: REPO });
  bundle = await readFile(BUNDLE, 'utf8');
}, 120_000);

it('loads every package the main process imports, with the names it imports, in plain Node', async () => {
  const statics = [...bundle.matchAll(/^import\s+[^;]*?\s+from\s+"([^"]+)";$/gmu)];
  const dynamics = [...bundle.matchAll(/\bimport\("([^"]+)"\)/gu)].map((m) => m[1] ?? '');
  const external = (s: string) => !s.startsWith('node:') && s !== 'electron' && !NEEDS_ELECTRON.has(packageOf(s));
  const lines = statics.filter((m) => external(m[1] ?? '')).map((m) => m[0]);
  const lazy = dynamics.filter(external);
  expect(lines.length).toBeGreaterThanOrEqual(6);
  const script = `${lines.join('\n')}\n${lazy.map((s) => `await import(${JSON.stringify(s)});`).join('\n')}\n`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `${script}console.log('loaded');`], {
    cwd: REPO,
  });
  expect(stdout.trim()).toBe('loaded');
});

it('imports only production dependencies (the only ones packaged)', async () => {
  const pkg = JSON.parse(await readFile(resolve(REPO, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const specifiers = [
    ...[...bundle.matchAll(/^import\s+[^;]*?\s+from\s+"([^"]+)";$/gmu)].map((m) => m[1] ?? ''),
    ...[...bundle.matchAll(/\bimport\("([^"]+)"\)/gu)].map((m) => m[1] ?? ''),
  ];
  const packages = new Set(specifiers.filter((s) => !s.startsWith('node:') && s !== 'electron').map(packageOf));
  expect([...packages].filter((p) => !(p in pkg.dependencies))).toEqual([]);
  expect(packages).toContain('proper-lockfile');
});
