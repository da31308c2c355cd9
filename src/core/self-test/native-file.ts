import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sep } from 'node:path';

/**
 * Where a loaded native addon really is. Node keeps every loaded `.node` file in the require cache under the path
 * it was required by. Inside a packaged app that path points into `app.asar`; Electron then loads the copy that
 * electron-builder unpacked into `app.asar.unpacked`, and only that copy can find the shared libraries beside it
 * (libvips for sharp). So a native file counts as in place only when its unpacked copy exists on disk.
 */

const ASAR = `.asar${sep}`;
const UNPACKED = `.asar.unpacked${sep}`;

/** The on-disk file a path inside an asar archive stands for (the path itself outside one). */
export function unpackedPath(path: string): string {
  return path.includes(ASAR) ? path.replace(ASAR, UNPACKED) : path;
}

/** The path of the loaded native addon whose file name matches `pattern`; throws when none or not on disk. */
export function loadedNativeFile(pattern: RegExp): string {
  const cache = createRequire(import.meta.url).cache;
  const loaded = Object.keys(cache).find((path) => path.endsWith('.node') && pattern.test(path));
  if (!loaded) throw new Error(`no native file matching ${pattern} was loaded`);
  const onDisk = unpackedPath(loaded);
  if (!existsSync(onDisk)) throw new Error(`${loaded} is not unpacked from the app archive (missing ${onDisk})`);
  return onDisk;
}
