import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file under `root` a URL path names, or null when it names nothing there. Decoded first, so `%2e%2e%2f`
 * is caught like `../`; anything resolving outside `root`, with a NUL byte or a backslash, is refused.
 */
export function staticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(join(base, decoded === '/' ? 'index.html' : decoded));
  return target.startsWith(base + sep) ? target : null;
}

/** Streams the file with its type; false when there is no such file (the caller answers 404). */
export async function sendFile(
  res: ServerResponse,
  path: string,
  cacheControl: string,
  type?: string,
): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': type ?? TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': cacheControl,
  });
  await new Promise<void>((done) => {
    const stream = createReadStream(path);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    res.on('close', done);
    stream.pipe(res);
  });
  return true;
}
