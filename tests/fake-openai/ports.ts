import { createServer } from 'node:net';

/**
 * A base URL nothing listens on, for "the server is not running": a port the OS just handed out and that was
 * closed again at once, so connecting is refused (ECONNREFUSED) rather than timing out.
 */
export async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
