import { openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Replicate from 'replicate';
import type { DatasetManifest } from '../../shared/dataset';
import { AppError } from '../../shared/errors';
import type { ExportProgress } from '../../shared/progress';
import { REPLICATE_UPLOAD_LIMIT_BYTES } from '../../shared/training';
import { exportDataset } from '../exporter';
import { toReplicateError } from './failure';

/**
 * The long side suggested when the ZIP is over the limit: the trainer buckets images to 512, 768 and 1024 px
 * (its `resolution` default "512,768,1024"), so anything bigger is scaled down on Replicate anyway.
 */
const SUGGESTED_LONG_SIDE = 1024;

export interface Uploaded {
  fileId: string;
  url: string;
  bytes: number;
  images: number;
}

/**
 * Exports the Replicate ZIP (the flat pairs, GPS removed: the photos leave this computer) to a private temp folder,
 * refuses it over the upload limit before anything is sent (with the resize that would help in the error's
 * `details.tooBig`), then uploads it through the Files API as a File, so its name and type reach Replicate.
 * The temp folder is removed whatever happens.
 */
export async function exportAndUpload(
  replicate: Replicate,
  manifest: DatasetManifest,
  opts: {
    resizeLongSide: number | null;
    signal?: AbortSignal;
    onExport?: (p: ExportProgress) => void;
    onUpload?: (bytes: number) => void;
  },
): Promise<Uploaded> {
  const dir = await mkdtemp(join(tmpdir(), 'caption-studio-train-'));
  try {
    const name = `${manifest.trigger}_training.zip`;
    const path = join(dir, name);
    const choice = {
      ...manifest.exportChoice,
      ...{ preset: 'replicate' as const, target: 'zip' as const, keepLocation: false },
      resizeLongSide: opts.resizeLongSide,
    };
    const report = await exportDataset({
      ...{ images: manifest.images, trigger: manifest.trigger, choice, path },
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onExport ? { onProgress: opts.onExport } : {}),
    });
    if (report.bytes > REPLICATE_UPLOAD_LIMIT_BYTES) throw tooBig(report.bytes, opts.resizeLongSide);
    opts.onUpload?.(report.bytes);
    // Read from disk as it is sent (not held in memory): a File keeps the ZIP's name and type on the upload.
    const file = new File([await openAsBlob(path)], name, { type: 'application/zip' });
    const uploaded = await replicate.files
      .create(file, { dataset: manifest.name, trigger: manifest.trigger }, opts.signal ? { signal: opts.signal } : {})
      .catch((e: unknown) => {
        throw toReplicateError(e, 'upload the dataset');
      });
    return { fileId: uploaded.id, url: uploaded.urls.get, bytes: report.bytes, images: report.images };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function tooBig(bytes: number, resized: number | null): AppError {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  const suggested = resized === null || resized > SUGGESTED_LONG_SIDE ? SUGGESTED_LONG_SIDE : null;
  const advice = suggested
    ? ` Scale the images down to ${suggested} px on the long side (the trainer works at up to 1024 px anyway) and try again.`
    : ' Exclude some images and try again.';
  return new AppError(
    'validation',
    `The dataset's ZIP is ${mb(bytes)}, over Replicate's upload limit of ${mb(REPLICATE_UPLOAD_LIMIT_BYTES)}; nothing was uploaded.${advice}`,
    { tooBig: { bytes, limit: REPLICATE_UPLOAD_LIMIT_BYTES, suggestedResizeLongSide: suggested } },
  );
}
