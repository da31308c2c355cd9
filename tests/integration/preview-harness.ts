import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { createMemoryKeychain } from '../../src/core/secrets';
import { type PreviewServer, startPreviewServer } from '../../src/preview/server';
import type { EventSourceFactory } from '../../src/renderer/src/api/http-bridge';
import { tempDir } from '../support/fixtures';

/** A preview server over a temp data dir and a tiny stand-in renderer, plus a raw HTTP client for tests. */

export const INDEX_HTML = '<!doctype html><title>Caption Studio</title><script src="/assets/app.js"></script>';

export async function startTestPreview(env: NodeJS.ProcessEnv = {}): Promise<{
  root: string;
  server: PreviewServer;
  logs: string[];
}> {
  const root = await tempDir('caption-studio-preview-');
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");\n');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer folder\n');
  const logs: string[] = [];
  const server = await startPreviewServer({
    rendererDir,
    env: { CAPTION_STUDIO_DATA_DIR: join(root, 'data'), ...env },
    keychain: createMemoryKeychain(),
    log: (line) => logs.push(line),
  });
  return { root, server, logs };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A request with full control of the path (sent as is, no normalisation) and of the Host header, which fetch
 * does not allow setting.
 */
export function raw(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

type Listener = (e: { data: string }) => void;

/**
 * The few parts of EventSource the HTTP bridge uses, over fetch (Node has EventSource only behind a flag). It
 * sends the token as a header instead of the browser's cookie; the server accepts either on the event stream.
 * `connected` resolves once a stream is open on the server, so a test can emit knowing nothing is missed.
 */
export function eventSourceWithHeaders(
  headers: Record<string, string>,
): EventSourceFactory & { readonly connected: Promise<void> } {
  let markConnected = () => {};
  const connected = new Promise<void>((resolve) => {
    markConnected = resolve;
  });
  return class TestEventSource {
    static readonly connected = connected;
    private readonly listeners = new Map<string, Listener[]>();
    private readonly controller = new AbortController();

    constructor(url: string) {
      void this.read(url).catch(() => {});
    }

    addEventListener(name: string, listener: Listener): void {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    }

    close(): void {
      this.controller.abort();
    }

    private async read(url: string): Promise<void> {
      const res = await fetch(url, { headers, signal: this.controller.signal });
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        markConnected(); // the server's first frame is written once the stream is registered
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    }

    private dispatch(frame: string): void {
      let name = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event: ')) name = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length === 0) return;
      for (const l of this.listeners.get(name) ?? []) l({ data: data.join('\n') });
    }
  };
}
