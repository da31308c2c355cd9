import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { SkippedFile } from '../../shared/dataset';
import { isJunkDroppedFile, isJunkEntry } from './junk';
import { findSidecar, isTextFileName, stemKey, stemOf } from './sidecar';
import { skipped, unreadable } from './skip';

/**
 * Streams the files under the dropped paths, one folder listing at a time (the caller starts work on the first
 * files while later folders are still being listed). Junk is dropped here; problems that stop a file or folder
 * from being listed are reported.
 */

export interface WalkedFile {
  /** Absolute path. */
  path: string;
  /** The same file with links resolved: how a file met again through another path is recognised. */
  realPath: string;
  /** Relative to the dropped folder with forward slashes, or the basename for a dropped file. */
  relPath: string;
  bytes: number;
  mtimeMs: number;
  /** Folder + stem, shared with the sidecar .txt of the same stem (see sidecar.ts). */
  stemKey: string;
  /** For an image candidate: its sidecar .txt beside it, if any. */
  sidecar: string | null;
  /** For a .txt file: whether a non-.txt file with the same stem sits beside it (so it may be a caption). */
  isCaptionCandidate: boolean;
}

export type WalkEvent = { kind: 'file'; file: WalkedFile } | { kind: 'skipped'; skipped: SkippedFile };

const notRegular = (path: string) =>
  skipped(path, 'not-an-image', 'Not a regular file (a device, pipe or socket), so it was not read.');

const brokenLink = (path: string, err: unknown) =>
  (err as NodeJS.ErrnoException).code === 'ENOENT'
    ? skipped(path, 'unreadable', 'This link points to a file that no longer exists.')
    : unreadable(path, err);

interface Walk {
  /** Real paths of folders already walked: stops symlink loops and a folder dropped twice being walked twice. */
  seenDirs: Set<string>;
  /** Real paths of files already yielded: the same file via two roots or links is imported once. */
  seenFiles: Set<string>;
  signal: AbortSignal | undefined;
}

const isFileName = (e: Dirent) => e.isFile() || e.isSymbolicLink();

async function fileEvent(w: Walk, path: string, relPath: string, st: Stats, siblings: string[]) {
  const real = await realpath(path).catch(() => path);
  if (w.seenFiles.has(real)) return null;
  w.seenFiles.add(real);
  const name = basename(path);
  const dir = dirname(path);
  const isText = isTextFileName(name);
  const file: WalkedFile = {
    path,
    realPath: real,
    relPath,
    bytes: st.size,
    mtimeMs: st.mtimeMs,
    stemKey: stemKey(dir, name),
    sidecar: isText ? null : findSidecar(dir, name, siblings),
    isCaptionCandidate: isText && siblings.some((s) => !isTextFileName(s) && s !== name && stemOf(s) === stemOf(name)),
  };
  return { kind: 'file', file } satisfies WalkEvent;
}

async function* walkDir(w: Walk, dir: string, rel: string): AsyncGenerator<WalkEvent> {
  w.signal?.throwIfAborted();
  const real = await realpath(dir).catch(() => dir);
  if (w.seenDirs.has(real)) return;
  w.seenDirs.add(real);
  let entries: Dirent[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (err) {
    yield { kind: 'skipped', skipped: unreadable(dir, err, 'folder') };
    return;
  }
  const siblings = entries.filter((e) => isFileName(e) && !isJunkEntry(e.name, false)).map((e) => e.name);
  const subdirs: string[] = [];
  for (const entry of entries) {
    if (isJunkEntry(entry.name, entry.isDirectory())) continue;
    const path = join(dir, entry.name);
    let st: Stats;
    try {
      st = await stat(path); // follows symlinks: a link counts as what it points to
    } catch (err) {
      yield { kind: 'skipped', skipped: entry.isSymbolicLink() ? brokenLink(path, err) : unreadable(path, err) };
      continue;
    }
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (st.isDirectory()) {
      if (!isJunkEntry(entry.name, true)) subdirs.push(entry.name);
    } else if (st.isFile()) {
      const event = await fileEvent(w, path, relPath, st, siblings);
      if (event) yield event;
    } else yield { kind: 'skipped', skipped: notRegular(path) };
  }
  for (const name of subdirs) yield* walkDir(w, join(dir, name), rel ? `${rel}/${name}` : name);
}

/** Lists a dropped file's folder once per folder, to find sidecars beside individually dropped files. */
function siblingLister(): (dir: string) => Promise<string[]> {
  const cache = new Map<string, Promise<string[]>>();
  return (dir) => {
    let names = cache.get(dir);
    if (!names) {
      names = readdir(dir).catch(() => []);
      cache.set(dir, names);
    }
    return names;
  };
}

export async function* walkRoots(paths: readonly string[], signal?: AbortSignal): AsyncGenerator<WalkEvent> {
  const w: Walk = { seenDirs: new Set(), seenFiles: new Set(), signal };
  const siblingsOf = siblingLister();
  for (const root of paths.map((p) => resolve(p))) {
    signal?.throwIfAborted();
    let st: Stats;
    try {
      st = await stat(root);
    } catch (err) {
      yield { kind: 'skipped', skipped: unreadable(root, err, 'file or folder') };
      continue;
    }
    // A folder the user dropped is walked even if hidden: it was chosen explicitly.
    if (st.isDirectory()) yield* walkDir(w, root, '');
    else if (!st.isFile()) yield { kind: 'skipped', skipped: notRegular(root) };
    else if (!isJunkDroppedFile(basename(root))) {
      const siblings = (await siblingsOf(dirname(root))).filter((n) => !isJunkEntry(n, false));
      const event = await fileEvent(w, root, basename(root), st, siblings);
      if (event) yield event;
    }
  }
}
