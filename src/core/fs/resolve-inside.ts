import { isAbsolute, resolve, sep } from 'node:path';

/**
 * The file under `root` that a URL path names, or null when it would leave `root` or is otherwise suspicious:
 * `..` segments (plain or percent-encoded), backslashes (a separator on Windows), absolute or drive paths, NUL
 * bytes, malformed or double encoding. `/` serves index.html.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // A `%` left after one decoding means double encoding: no file we ship has one in its name.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes('%')) return null;
  const rel = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) return null;
  if (rel.split('/').includes('..')) return null;
  const base = resolve(root);
  const full = resolve(base, rel === '' ? 'index.html' : rel);
  return full.startsWith(base + sep) ? full : null;
}
