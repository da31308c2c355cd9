import { resolve } from 'node:path';
import type { DatasetManifest } from '../../shared/dataset';

/**
 * Paths Caption Studio itself wrote or was given: image sources of datasets the UI has seen and export targets.
 * "Show in folder" accepts only these, so a compromised or buggy page cannot make the OS reveal arbitrary files.
 */
export interface KnownPaths {
  rememberDataset(manifest: DatasetManifest): void;
  forgetDataset(datasetId: string): void;
  rememberExport(path: string): void;
  has(path: string): boolean;
}

export function createKnownPaths(): KnownPaths {
  const sources = new Map<string, Set<string>>();
  const exports = new Set<string>();
  return {
    rememberDataset(manifest) {
      sources.set(manifest.id, new Set(manifest.images.map((i) => resolve(i.source))));
    },
    forgetDataset(datasetId) {
      sources.delete(datasetId);
    },
    rememberExport(path) {
      exports.add(resolve(path));
    },
    has(path) {
      const p = resolve(path);
      if (exports.has(p)) return true;
      for (const set of sources.values()) if (set.has(p)) return true;
      return false;
    },
  };
}
