import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * HEIC decoding off the main thread. heic-decode is libheif compiled to WASM: one synchronous call that takes
 * ~1.6 s for a 12 MP iPhone photo, which would freeze the app's main process and use one core. A small pool of
 * worker threads runs it in parallel instead. Should workers be unavailable (an unusual packaging), decoding
 * falls back to the calling thread, slower but correct.
 */

export interface DecodedHeic {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, already upright (HEIF rotation/mirror transforms applied). */
  data: Uint8Array;
}

/** The part of heic-decode's API we use; `all` parses the container without decoding pixels. */
interface HeicImage {
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}
type HeicDecodeAll = (input: { buffer: Uint8Array }) => Promise<HeicImage[] & { dispose(): void }>;

/** Idle workers are stopped after this long: each keeps its WASM heap (~100+ MB after a 12 MP decode). */
const IDLE_MS = 5_000;

const PIXEL_LIMIT_MESSAGE = 'Input image exceeds pixel limit';

// The worker is plain CommonJS evaluated from this string, so it needs no separate build entry in electron-vite,
// tsx or vitest. It mirrors decodeHere() below; keep the two in step.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.heicDecodePath);
parentPort.on('message', async ({ buffer, maxPixels }) => {
  try {
    const images = await decode.all({ buffer });
    try {
      const primary = images[0];
      if (primary.width * primary.height > maxPixels) throw new Error(${JSON.stringify(PIXEL_LIMIT_MESSAGE)});
      const { width, height, data } = await primary.decode();
      parentPort.postMessage({ width, height, data }, [data.buffer]);
    } finally {
      images.dispose();
    }
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

async function decodeHere(buffer: Uint8Array, maxPixels: number): Promise<DecodedHeic> {
  const { default: decode } = await import('heic-decode');
  const images = await (decode as unknown as { all: HeicDecodeAll }).all({ buffer });
  try {
    const primary = images[0];
    if (!primary) throw new Error('HEIF file holds no image');
    if (primary.width * primary.height > maxPixels) throw new Error(PIXEL_LIMIT_MESSAGE);
    const { width, height, data } = await primary.decode();
    return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    images.dispose();
  }
}

type Reply = { width: number; height: number; data: Uint8Array } | { error: string };

/** The worker itself failed (could not start or crashed), as opposed to the file being undecodable. */
class WorkerFailure extends Error {}

class HeicWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: { resolve: (w: Worker) => void; reject: (e: Error) => void }[] = [];
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();
  private size = 0;
  broken = false;

  constructor(private readonly max: number) {}

  async decode(buffer: Uint8Array, maxPixels: number): Promise<DecodedHeic> {
    const worker = await this.acquire();
    try {
      const decoded = await this.send(worker, buffer, maxPixels);
      this.release(worker);
      return decoded;
    } catch (err) {
      if (err instanceof WorkerFailure) this.breakDown(worker);
      else this.release(worker);
      throw err;
    }
  }

  private acquire(): Promise<Worker> {
    const ready = this.idle.pop();
    if (ready) {
      clearTimeout(this.idleTimers.get(ready));
      this.idleTimers.delete(ready);
      return Promise.resolve(ready);
    }
    if (this.size >= this.max) return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    try {
      const heicDecodePath = createRequire(import.meta.url).resolve('heic-decode');
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { heicDecodePath } });
      this.size++;
      return Promise.resolve(worker);
    } catch (err) {
      return Promise.reject(new WorkerFailure(String(err)));
    }
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) {
      next.resolve(worker);
      return;
    }
    worker.unref(); // an idle worker must not keep the process (e.g. the CLI) alive
    this.idle.push(worker);
    const timer = setTimeout(() => {
      this.idle.splice(this.idle.indexOf(worker), 1);
      this.idleTimers.delete(worker);
      this.discard(worker);
    }, IDLE_MS);
    this.idleTimers.set(worker, timer.unref());
  }

  /** Workers do not work here: stop using them, and send everyone waiting for one to the fallback. */
  private breakDown(worker: Worker): void {
    this.broken = true;
    this.discard(worker);
    for (const waiter of this.waiting.splice(0)) waiter.reject(new WorkerFailure('HEIC workers unavailable'));
  }

  private discard(worker: Worker): void {
    this.size--;
    void worker.terminate();
  }

  private send(worker: Worker, buffer: Uint8Array, maxPixels: number): Promise<DecodedHeic> {
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const onMessage = (reply: Reply) => {
        done();
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply);
      };
      const onError = (err: Error) => {
        done();
        reject(new WorkerFailure(err.message));
      };
      const onExit = (code: number) => {
        done();
        reject(new WorkerFailure(`HEIC worker exited with code ${code}`));
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.ref();
      worker.postMessage({ buffer, maxPixels });
    });
  }
}

const pool = new HeicWorkerPool(availableParallelism());

/**
 * The worker path alone, without the fallback: the self-test uses it to prove that a worker thread can load
 * heic-decode and its WASM from where the package put them (decodeHeic would quietly decode on this thread).
 */
export function decodeHeicInWorker(buffer: Uint8Array, maxPixels: number): Promise<DecodedHeic> {
  return pool.decode(buffer, maxPixels);
}

/** Decodes the primary image of a HEIC/HEIF file, refusing more than `maxPixels` before decoding any pixel. */
export async function decodeHeic(buffer: Uint8Array, maxPixels: number): Promise<DecodedHeic> {
  if (pool.broken) return decodeHere(buffer, maxPixels);
  try {
    return await pool.decode(buffer, maxPixels);
  } catch (err) {
    if (err instanceof WorkerFailure) return decodeHere(buffer, maxPixels);
    throw err;
  }
}
