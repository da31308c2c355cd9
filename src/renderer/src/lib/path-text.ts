/** Path helpers for display only (the renderer never touches the file system). Handles / and \ separators. */

export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/u, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed;
}

/** A dataset name from what was dropped: the folder's name, or "N photos" for loose files. */
export function suggestedName(paths: ReadonlyArray<string>): string {
  const first = paths[0];
  if (first === undefined) return '';
  if (paths.length === 1) return baseName(first);
  return `${paths.length} items from ${baseName(parentOf(first))}`;
}

export function parentOf(path: string): string {
  const trimmed = path.replace(/[\\/]+$/u, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut > 0 ? trimmed.slice(0, cut) : trimmed;
}

/** Splits what the user typed into a path prompt: one path per line, blank lines ignored. */
export function parsePathLines(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Absolute on this machine: POSIX `/…`, Windows `C:\…` or a UNC `\\server\…`. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/u.test(path) || path.startsWith('\\\\');
}
