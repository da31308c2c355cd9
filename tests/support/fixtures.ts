import { chmod, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The shared, read-only reference folder (../shared/fixtures beside the repository). */
export const FIXTURES_DIR = resolve(import.meta.dirname, '../../../shared/fixtures/dropped-folder');

/** A fresh temp folder; remove it with `rm(dir, { recursive: true, force: true })`. */
export function tempDir(prefix = 'caption-studio-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Makes a copied tree writable again (the fixtures are read-only, and cp keeps modes). */
async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(path);
    else await chmod(path, 0o644);
  }
}

/** Copies the dropped-folder fixture into `parent/<name>` (writable) and returns its path. */
export async function copyFixtures(parent: string, name = 'dropped-folder'): Promise<string> {
  const target = join(parent, name);
  await cp(FIXTURES_DIR, target, { recursive: true });
  await makeWritable(target);
  return target;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
