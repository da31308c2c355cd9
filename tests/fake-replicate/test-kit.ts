import Replicate, { type FileObject } from 'replicate';
import { createDatasetZip } from '../../src/core/exporter';
import { FAKE_REPLICATE_TOKEN } from './accounts';
import type { FakeReplicate } from './server';

/** Helpers for tests that drive the fake with the real `replicate` client. */

/** The real client pointed at the fake (its `baseUrl` includes /v1, as the default https://api.replicate.com/v1). */
export const clientFor = (fake: FakeReplicate, auth = FAKE_REPLICATE_TOKEN) =>
  new Replicate({ auth, baseUrl: fake.url, userAgent: 'caption-studio-tests' });

/** The file resource as the service sends it: the client's FileObject type leaves out name, etag and md5. */
export type FileAnswer = FileObject & { name: string; etag: string; checksums: { sha256: string; md5: string } };

/** What a failed call tells an app: the client's ApiError, its status, and the problem body it quoted. */
export interface ApiFailure {
  error: Error & { response: Response; request: Request };
  status: number;
  body: Record<string, unknown>;
}

/**
 * The client reads the error body itself (`response.text()`, so `error.response` can no longer be read) and
 * quotes it in the message: `Request to URL failed with status 402 Payment Required: {"title":...}.`. The
 * class is not exported either, so an error is known by its name. This is how an app gets at `detail`.
 */
export async function apiFailure(call: Promise<unknown>): Promise<ApiFailure> {
  const error = await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof Error) || error.name !== 'ApiError' || !('response' in error)) throw error;
  const quoted = /failed with status \d+[^:]*: ([\s\S]*)\.$/u.exec(error.message)?.[1] ?? '';
  const failure = error as ApiFailure['error'];
  return { error: failure, status: failure.response.status, body: JSON.parse(quoted) as Record<string, unknown> };
}

/** A ZIP of the given entries, built in memory with the app's own ZIP engine (what an export writes). */
export async function zipOf(entries: Readonly<Record<string, string | Buffer>>): Promise<Buffer> {
  const zip = createDatasetZip({ zlib: { level: 1 } });
  const chunks: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
  });
  for (const [name, data] of Object.entries(entries)) {
    await new Promise<void>((resolve, reject) =>
      zip.entry(Buffer.from(data), { name, store: false }, (e) => (e ? reject(e) : resolve())),
    );
  }
  zip.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** A named ZIP upload, as the app should send it (a File, so the upload keeps its name and type). */
export const zipUpload = (bytes: Buffer, name = 'dataset.zip') =>
  new File([new Uint8Array(bytes)], name, { type: 'application/zip' });

/** The destination the tests train into: a private model of the fake's default account. */
export const DESTINATION = 'caption-tester/ide-main-hall';

/** A small captioned dataset, as the Replicate export writes it: image + same-name .txt pairs. */
export const captionedZip = () =>
  zipOf({
    'hall-1.jpg': Buffer.from('jpeg 1'),
    'hall-1.txt': 'photo of ide_main_hall, the main hall seen from the entrance',
    'hall-2.jpg': Buffer.from('jpeg 2'),
    'hall-2.txt': 'photo of ide_main_hall, benches under the tall windows',
  });

/**
 * What the app does before it starts a training: upload the ZIP, create the private destination model, and
 * look up the trainer's latest version. Returns the upload and that version's id.
 */
export async function prepareTraining(replicate: Replicate, zip: Buffer) {
  const file = await replicate.files.create(zipUpload(zip));
  const [owner = '', name = ''] = DESTINATION.split('/');
  await replicate.models.create(owner, name, { visibility: 'private', hardware: 'gpu-t4' });
  const trainer = await replicate.models.get('ostris', 'flux-dev-lora-trainer');
  return { file, version: trainer.latest_version?.id ?? '' };
}

/** Starts a training of the trainer on `input` (input_images defaults to the upload's URL), as the app will. */
export function startTraining(
  replicate: Replicate,
  prepared: Awaited<ReturnType<typeof prepareTraining>>,
  input: Record<string, unknown> = {},
) {
  return replicate.trainings.create('ostris', 'flux-dev-lora-trainer', prepared.version, {
    destination: DESTINATION,
    input: { input_images: prepared.file.urls.get, trigger_word: 'ide_main_hall', autocaption: false, ...input },
  });
}
