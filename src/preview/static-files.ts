import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { mimeTypeOf, resolveInside } from '../core/fs';

/** The file under `root` a URL path names: the same traversal guard as the app's protocol. */
export { resolveInside as staticPath };

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
    'Content-Type': type ?? mimeTypeOf(path),
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
