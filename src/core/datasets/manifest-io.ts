import { access, readdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DatasetManifest, MANIFEST_VERSION } from '../../shared/dataset';
import { AppError } from '../../shared/errors';
import { syncDir, writeFileAtomic } from '../fs';
import { corruptName, isCorruptManifestName } from './layout';
import { describeIssues } from './validate';

/**
 * Reading and writing manifest.json. A manifest that cannot be parsed or fails the schema is never replaced:
 * it is renamed aside (the journal stays where it is) and the error names the kept file, so the user's
 * captions can still be recovered by hand.
 */

export async function writeManifest(path: string, manifest: DatasetManifest): Promise<number> {
  const data = JSON.stringify(manifest);
  await writeFileAtomic(path, data);
  return Buffer.byteLength(data);
}

/** Reads, validates and returns the manifest as stored on disk (journal not applied). */
export async function readManifest(path: string, id: string, stamp: () => string): Promise<DatasetManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw await missingManifestError(dirname(path), id);
    throw new AppError('io', `Dataset "${id}" cannot be read (${code ?? 'error'}: ${(e as Error).message}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw await quarantine(path, id, stamp(), `it is not valid JSON (${(e as Error).message})`);
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > MANIFEST_VERSION) {
    // Not damage: a newer Caption Studio wrote it. Leave it untouched for that version.
    throw new AppError(
      'io',
      `Dataset "${id}" was saved by a newer version of Caption Studio; update the app to open it.`,
    );
  }
  const parsed = DatasetManifest.safeParse(raw);
  if (!parsed.success) {
    throw await quarantine(path, id, stamp(), `it does not match the dataset format (${describeIssues(parsed.error)})`);
  }
  // The folder name is the identity: a copied dataset folder keeps working under its new name.
  return { ...parsed.data, id };
}

async function quarantine(path: string, id: string, stamp: string, reason: string): Promise<AppError> {
  const dir = dirname(path);
  let kept = join(dir, corruptName('manifest', stamp));
  for (let n = 2; await exists(kept); n++) kept = join(dir, corruptName('manifest', `${stamp}-${n}`));
  await rename(path, kept);
  await syncDir(dir);
  return new AppError(
    'io',
    `Dataset "${id}" could not be opened because its manifest is damaged: ${reason}. ` +
      `The damaged file was kept as ${kept} (with journal.jsonl beside it); nothing was overwritten.`,
    { kept },
  );
}

async function missingManifestError(dir: string, id: string): Promise<AppError> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return new AppError('not-found', `Dataset "${id}" does not exist.`);
  }
  const kept = names.filter(isCorruptManifestName).sort().at(-1);
  if (kept) {
    return new AppError(
      'io',
      `Dataset "${id}" cannot be opened: its manifest was damaged and kept as ${join(dir, kept)}. ` +
        'Restore it as manifest.json after fixing it, or remove the dataset.',
      { kept: join(dir, kept) },
    );
  }
  return new AppError('io', `Dataset "${id}" has no manifest.json in ${dir}; remove the dataset or restore the file.`, {
    missing: true,
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** True for a manifest that is missing or was kept aside as damaged: a full save() may write a fresh one. */
export function isDamagedManifestError(e: unknown): boolean {
  if (!(e instanceof AppError) || typeof e.details !== 'object' || e.details === null) return false;
  return 'kept' in e.details || 'missing' in e.details;
}
