import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emit } from '../core/handlers';

/** Comment lines keep idle connections (and any proxy in between) from timing out. */
const HEARTBEAT_MS = 15_000;

/**
 * The contract's events as server-sent events: `event: <name>` and the JSON payload on one `data:` line, to
 * every open page. The browser's EventSource reconnects by itself; events sent while it was away are missed,
 * which the UI tolerates (runFinished and the next progress event carry the full state).
 */
export function createEventStream() {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const emit: Emit = (name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of clients) res.write(frame);
  };

  return {
    emit,
    attach(req: IncomingMessage, res: ServerResponse): void {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    close(): void {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
