import { open, rm } from 'node:fs/promises';
import type { InlinedRequest } from '@google/genai';
import {
  type CaptionJob,
  type CaptionOutcome,
  type GeminiBatchClient,
  inlineBatchRequest,
  inlineImagePart,
  jsonlBatchLine,
  type PreparedImage,
  prepareImage,
} from '../captioner';
import { applyBatchSharpSettings } from '../images';
import { forEachLimit } from './limit';

/**
 * The requests of a batch job, with flat memory whatever the size. Images are prepared (`prepareImage`, the same
 * downscaled JPEG a normal run sends) in order while their inline requests stay under the 20 MB a job's create
 * call may carry: a batch that fits goes inline (one call, nothing to upload or delete). The first image past the
 * limit turns it into a file batch: the images held so far go up through the Files API, then every other one is
 * prepared and uploaded as it comes (a few at a time), and a JSONL file of requests referring to them is written
 * line by line to disk and uploaded last.
 */

/** A create call may carry 20 MB; the JSON around the images (prompt, config, keys) stays well inside the rest. */
const INLINE_LIMIT_BYTES = 18 * 1024 * 1024;
/** Images prepared (sharp) and uploaded at once: enough to keep a connection busy on two cores. */
const CONCURRENCY = 4;

export interface InputOptions {
  client: GeminiBatchClient;
  jobs: readonly CaptionJob[];
  model: string;
  prompt: string;
  downscale: number;
  /** The names files get (`files/...`): chosen before they exist, so the record can list them first. */
  names: { image(index: number): string; input: string };
  /** Where the JSONL is written before its upload (the dataset's folder). */
  jsonlPath: string;
  signal: AbortSignal;
  /** Turning into a file batch: resolves once the names of every file it may upload are saved. */
  onFilesPlanned(names: string[]): Promise<void>;
  /** Images whose request is ready (inline: prepared; file: uploaded), of `jobs.length`. */
  onProgress(ready: number): void;
  inlineLimitBytes?: number;
}

export interface Inputs {
  input: 'inline' | 'file';
  /** The inline requests, or the uploaded JSONL's name. */
  src: InlinedRequest[] | string;
  /** Images with a request, in request order (unreadable ones are left out). */
  imageIds: string[];
  /** Images that could not be read: they fail at once, as in a normal run. */
  unreadable: CaptionOutcome[];
}

/** Builds the inputs; the files uploaded so far are in `uploaded` even when it throws (for the cleanup). */
export async function buildInputs(opts: InputOptions, uploaded: string[]): Promise<Inputs> {
  // Each photo is read once: libvips' cache would only hold decoded pixels (as for an import).
  applyBatchSharpSettings();
  const { jobs, signal } = opts;
  const limit = opts.inlineLimitBytes ?? INLINE_LIMIT_BYTES;
  const held = new Map<number, PreparedImage>();
  const unreadable: CaptionOutcome[] = [];
  const prepare = async (index: number): Promise<PreparedImage | null> => {
    const job = jobs[index] as CaptionJob;
    try {
      return await prepareImage(job.source, job.format, opts.downscale);
    } catch (err) {
      signal.throwIfAborted();
      const error = `Could not read the image to send it to Gemini: ${(err as Error).message ?? String(err)}`;
      unreadable.push({ id: job.id, status: 'failed', error, model: null });
      return null;
    }
  };

  // Inline while the requests fit: base64 makes 4 bytes of every 3, plus the prompt around each image. Workers take
  // images in order, so once one crosses the limit the images measured are exactly the first `measured`.
  let bytes = 0;
  let measured = 0;
  await forEachLimit(jobs, CONCURRENCY, async (_, index) => {
    if (bytes > limit) return;
    signal.throwIfAborted();
    const image = await prepare(index);
    measured++;
    if (image) {
      held.set(index, image);
      bytes += Math.ceil(image.data.length / 3) * 4 + opts.prompt.length + 512;
    }
    if (bytes <= limit) opts.onProgress(measured);
  });
  signal.throwIfAborted();
  if (bytes <= limit) {
    const order = [...held.keys()].sort((a, b) => a - b);
    const requests = order.map((i) => {
      const id = (jobs[i] as CaptionJob).id;
      return inlineBatchRequest(id, opts.model, inlineImagePart(held.get(i) as PreparedImage), opts.prompt);
    });
    return { input: 'inline', src: requests, imageIds: requests.map((r) => r.metadata?.key ?? ''), unreadable };
  }
  return uploadAll(opts, held, measured, prepare, uploaded, unreadable);
}

async function uploadAll(
  opts: InputOptions,
  held: Map<number, PreparedImage>,
  measured: number,
  prepare: (index: number) => Promise<PreparedImage | null>,
  uploaded: string[],
  unreadable: CaptionOutcome[],
): Promise<Inputs> {
  const { jobs, signal, client } = opts;
  await opts.onFilesPlanned([...jobs.map((_, i) => opts.names.image(i)), opts.names.input]);
  // The images measured count as ready already (they were reported then): progress never goes back.
  let ready = measured;
  const lines = await open(opts.jsonlPath, 'w');
  let isOpen = true;
  // Lines go to disk one after another (concurrent writes to one handle may overlap), never all held in memory.
  let written: Promise<unknown> = Promise.resolve();
  const imageIds: string[] = [];
  const send = async (index: number, image: PreparedImage) => {
    const name = opts.names.image(index);
    const blob = new Blob([new Uint8Array(image.data)], { type: image.mimeType });
    const uri = await client.upload(blob, name, image.mimeType, signal);
    uploaded.push(name);
    const id = (jobs[index] as CaptionJob).id;
    const part = { fileData: { mimeType: image.mimeType, fileUri: uri } };
    const line = `${jsonlBatchLine(id, opts.model, part, opts.prompt)}\n`;
    written = written.then(() => lines.write(line));
    await written;
    imageIds.push(id);
  };
  try {
    await forEachLimit([...held.keys()], CONCURRENCY, async (index) => {
      await send(index, held.get(index) as PreparedImage);
      held.delete(index); // memory back as soon as the bytes are up
    });
    const rest = jobs.map((_, i) => i).slice(measured);
    await forEachLimit(rest, CONCURRENCY, async (index) => {
      signal.throwIfAborted();
      const image = await prepare(index);
      if (image) await send(index, image);
      opts.onProgress(++ready);
    });
    await lines.sync();
    await lines.close();
    isOpen = false;
    signal.throwIfAborted();
    await client.upload(opts.jsonlPath, opts.names.input, 'application/jsonl', signal);
    uploaded.push(opts.names.input);
  } finally {
    if (isOpen) await lines.close();
    await rm(opts.jsonlPath, { force: true });
  }
  return { input: 'file', src: opts.names.input, imageIds, unreadable };
}
