import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidId } from '../../shared/ids';
import type { AppPaths } from '../ports';
import { LOCK_NAME, withWriteLock } from './write-lock';

/**
 * Version 0.1 kept datasets in `<dataDir>/sessions/<id>/` (the code then called a dataset a "session"). They move
 * to `<dataDir>/datasets/<id>/` the first time a store touches the data folder. Each dataset moves with one
 * rename (atomic on the same disk) while holding its write lock, so a writer of the old version still running is
 * never cut off mid-write. A dataset whose id already exists under `datasets/` stays where it is (and is reported)
 * rather than overwrite anything; the empty `sessions/` folder is removed.
 */
const LEGACY_DIR = 'sessions';

export interface LegacyMove {
  moved: string[];
  /** Ids left in `sessions/` because `datasets/` already has a folder with that id. */
  kept: string[];
}

export async function moveLegacyDatasets(paths: AppPaths, root: string): Promise<LegacyMove> {
  const legacy = join(paths.dataDir, LEGACY_DIR);
  const names = await readdir(legacy).catch(() => null);
  const result: LegacyMove = { moved: [], kept: [] };
  if (names === null) return result;
  const taken = new Set(await readdir(root).catch(() => []));
  for (const id of names.filter(isValidId)) {
    if (taken.has(id)) {
      result.kept.push(id);
      continue;
    }
    const from = join(legacy, id);
    const to = join(root, id);
    await mkdir(root, { recursive: true });
    // The held lock folder moves along with the dataset: removed at its new place, so it never looks held there.
    const moved = await withWriteLock(from, async () => {
      await rename(from, to);
      await rm(join(to, LOCK_NAME), { recursive: true, force: true });
    }).then(
      () => true,
      () => false, // gone meanwhile, or locked by a writer for too long: tried again at the next start
    );
    if (moved) result.moved.push(id);
  }
  // Only an empty folder goes (hidden leftovers such as a `.creating-*` staging folder keep it).
  await rmdir(legacy).catch(() => {});
  return result;
}
