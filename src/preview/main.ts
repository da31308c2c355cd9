import { Command, InvalidArgumentError } from 'commander';
import { startPreviewServer } from './server';

/**
 * `npm run web`: builds the renderer (electron-vite) and serves it here with the real services behind it.
 * Port: --port, else PREVIEW_PORT, else a free one. CAPTION_STUDIO_DATA_DIR, GOOGLE_GEMINI_BASE_URL and
 * PREVIEW_MEMORY_KEYSTORE=1 (no OS keychain) work as documented in src/preview/server.ts.
 */
function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('Not a port number.');
  return port;
}

const program = new Command()
  .name('caption-studio-preview')
  .description('Serve the built Caption Studio UI on 127.0.0.1 with the real services behind it.')
  .option('--port <port>', 'port to listen on (0 = any free port)', parsePort)
  .parse();

const { port: flagPort } = program.opts<{ port?: number }>();
const port = flagPort ?? (process.env.PREVIEW_PORT ? parsePort(process.env.PREVIEW_PORT) : 0);

const server = await startPreviewServer({ port });
console.log(`Caption Studio preview: ${server.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log('Stopping the preview (captions already written are saved)...');
    void server.close().then(() => process.exit(0));
  });
}
