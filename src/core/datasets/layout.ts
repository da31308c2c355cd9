import { join } from 'node:path';
import type { AppPaths } from '../ports';
import { assertValidId } from './ids';

/**
 * Where a dataset's files live: `<dataDir>/datasets/<id>/` holds `manifest.json`, `journal.jsonl`,
 * `history.jsonl` and `thumbs/`. Every path goes through the id check, so no caller can point the store outside its folder.
 */
export const MANIFEST_FILE = 'manifest.json';
export const JOURNAL_FILE = 'journal.jsonl';
export const THUMBS_DIR = 'thumbs';
const HISTORY_FILE = 'history.jsonl';

export interface DatasetLayout {
  root: string;
  dir(id: string): string;
  manifest(id: string): string;
  journal(id: string): string;
  history(id: string): string;
  thumbs(id: string): string;
}

export function datasetLayout(paths: AppPaths): DatasetLayout {
  const root = join(paths.dataDir, 'datasets');
  const dir = (id: string) => {
    assertValidId(id);
    return join(root, id);
  };
  return {
    root,
    dir,
    manifest: (id) => join(dir(id), MANIFEST_FILE),
    journal: (id) => join(dir(id), JOURNAL_FILE),
    history: (id) => join(dir(id), HISTORY_FILE),
    thumbs: (id) => join(dir(id), THUMBS_DIR),
  };
}

/** `manifest.corrupt-20261124-171200-123.json`: sorts by time and never matches MANIFEST_FILE. */
export function corruptName(kind: 'manifest' | 'journal', stamp: string): string {
  return kind === 'manifest' ? `manifest.corrupt-${stamp}.json` : `journal.corrupt-${stamp}.jsonl`;
}

export function isCorruptManifestName(name: string): boolean {
  return name.startsWith('manifest.corrupt-') && name.endsWith('.json');
}
