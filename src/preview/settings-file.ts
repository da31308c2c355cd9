import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../core/fs';
import type { SettingsStore } from '../core/ports';
import { defaultSettings } from '../core/workflow';
import { DatasetSettings } from '../shared/dataset';

export interface SettingsFile extends SettingsStore<DatasetSettings> {
  /** Resolves once every set() so far is on disk (or has failed and been reported). */
  flush(): Promise<void>;
}

/**
 * App-wide settings as one JSON file (the preview's stand-in for electron-store). Read once at start; each set()
 * is kept in memory at once and written atomically in order, so get() is synchronous as the port requires. A
 * missing or damaged file (or one from an older version missing fields) falls back to the defaults per field.
 */
export function createSettingsFile(path: string, log: (message: string) => void = console.error): SettingsFile {
  let current = readSettings(path);
  let writing: Promise<void> = Promise.resolve();
  return {
    get: () => current,
    set(value) {
      current = value;
      const data = `${JSON.stringify(value, null, 2)}\n`;
      writing = writing
        .then(() => mkdir(dirname(path), { recursive: true }))
        .then(() => writeFileAtomic(path, data))
        .catch((e: unknown) => log(`Could not save the preview settings to ${path}: ${(e as Error).message}`));
    },
    flush: () => writing,
  };
}

function readSettings(path: string): DatasetSettings {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return defaultSettings();
  }
  const merged = DatasetSettings.safeParse({ ...defaultSettings(), ...(isObject(stored) ? stored : {}) });
  return merged.success ? merged.data : defaultSettings();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
