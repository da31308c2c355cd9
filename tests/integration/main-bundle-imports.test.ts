import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';

/**
 * The built main process is ES modules (the entry, the self-test entry and the chunks they load on demand) that
 * import their dependencies by name. A CommonJS package whose names Node's ESM loader cannot see (or a package left
 * out of `dependencies`) would only fail when the real app starts, which cannot happen here (no Electron binary).
 * So: run the bundle's own import lines in a real Node process, and check every package it imports is a
 * production dependency (the only ones packaged).
 */

const REPO = resolve(import.meta.dirname, '../..');
const MAIN_OUT = resolve(REPO, 'out/main');
const BUNDLE = resolve(MAIN_OUT, 'index.js');
const run = promisify(execFile);
/** These import `electron` themselves, so they only load inside Electron; they are ES modules, so names are safe. */
const NEEDS_ELECTRON = new Set(['electron-store', 'electron-updater']);

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** A dependency by name: not Node's own, not Electron, not one of the bundle's own chunks. */
const isPackage = (specifier: string) =>
  !specifier.startsWith('node:') && !specifier.startsWith('.') && specifier !== 'electron';

const STATIC_IMPORT = /^import\s+[^;]*?\s+from\s+"([^"]+)";$/gmu;
const DYNAMIC_IMPORT = /\bimport\("([^"]+)"\)/gu;

/** Every built file of the main process (entries and chunks): path -> source. */
let modules = new Map<string, string>();
beforeAll(async () => {
  if (!existsSync(BUNDLE)) await run(resolve(REPO, 'node_modules/.bin/electron-vite'), ['build'], { cwd: REPO });
  const files = (await readdir(MAIN_OUT, { recursive: true })).filter((f) => f.endsWith('.js'));
  modules = new Map(
    await Promise.all(files.map(async (f) => [f, await readFile(resolve(MAIN_OUT, f), 'utf8')] as const)),
  );
}, 120_000);

it('loads every package the main process imports, with the names it imports, in plain Node', async () => {
  const external = (s: string) => isPackage(s) && !NEEDS_ELECTRON.has(packageOf(s));
  let checked = 0;
  // One script per built file: its import lines together are valid, while two files may bind the same names.
  for (const [file, source] of modules) {
    const lines = [...source.matchAll(STATIC_IMPORT)].filter((m) => external(m[1] ?? '')).map((m) => m[0]);
    const lazy = [...source.matchAll(DYNAMIC_IMPORT)].map((m) => m[1] ?? '').filter(external);
    if (lines.length + lazy.length === 0) continue;
    checked += lines.length;
    const script = `${lines.join('\n')}\n${lazy.map((s) => `await import(${JSON.stringify(s)});`).join('\n')}\n`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `${script}console.log('loaded');`], {
      cwd: REPO,
    });
    expect(stdout.trim(), file).toBe('loaded');
  }
  expect(checked).toBeGreaterThanOrEqual(6);
});

it('imports only production dependencies (the only ones packaged)', async () => {
  const pkg = JSON.parse(await readFile(resolve(REPO, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const specifiers = [...modules.values()].flatMap((source) => [
    ...[...source.matchAll(STATIC_IMPORT)].map((m) => m[1] ?? ''),
    ...[...source.matchAll(DYNAMIC_IMPORT)].map((m) => m[1] ?? ''),
  ]);
  const packages = new Set(specifiers.filter(isPackage).map(packageOf));
  expect([...packages].filter((p) => !(p in pkg.dependencies))).toEqual([]);
  expect(packages).toContain('proper-lockfile');
});
