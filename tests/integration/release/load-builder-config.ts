import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';

export const REPO = resolve(import.meta.dirname, '../../..');
export const BUILDER_CONFIG = join(REPO, 'electron-builder.yml');

// js-yaml is the parser electron-builder itself reads its YAML config with (a dependency of electron-builder,
// without bundled types), so the test sees the file exactly as the packager does.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

/** electron-builder.yml as electron-builder parses it. */
export function loadBuilderConfig(path = BUILDER_CONFIG): Configuration {
  const parsed = yaml.load(readFileSync(path, 'utf8'));
  if (parsed === null || typeof parsed !== 'object') throw new Error(`${path} is not a YAML mapping`);
  return parsed as Configuration;
}

/** A platform's `target` entries as { target, arch[] }, whatever shorthand the file uses. */
export function targetsOf(target: unknown): Array<{ target: string; arch: string[] }> {
  const list = Array.isArray(target) ? target : target == null ? [] : [target];
  return list.map((t: unknown) => {
    if (typeof t === 'string') return { target: t, arch: [] };
    const entry = t as { target: string; arch?: string | string[] };
    return { target: entry.target, arch: entry.arch == null ? [] : [entry.arch].flat() };
  });
}
