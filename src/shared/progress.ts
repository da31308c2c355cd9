import type { BatchState } from './dataset';
import type { ExportPresetId, ExportTarget } from './export-presets';

/**
 * Progress and result shapes that cross process boundaries (IPC events, the preview bridge, the CLI). The
 * services produce exactly these types; they live here so the renderer can use them without importing services.
 */

/**
 * Work starts while folders are still being listed: during `scanning`, `done` counts processed files and `total`
 * still grows; during `processing` every file is known and `total` is final.
 */
export interface ImportProgress {
  phase: 'scanning' | 'processing';
  done: number;
  total: number;
  /** relPath of the file that just finished. */
  current?: string;
}

/** `skipped`: left out of the run because the user captioned or excluded the image after the run started. */
export type ImageRunState = 'queued' | 'captioning' | 'captioned' | 'failed' | 'blocked' | 'skipped';

export interface RunProgress {
  total: number;
  /** Images captioned. */
  done: number;
  failed: number;
  blocked: number;
  /** Images without an outcome yet (queued, waiting to retry or in flight). */
  remaining: number;
  /** Images being captioned right now (a request in flight or waiting for the rate limiter). */
  inFlight: number;
  /** Outcomes per minute over the last minute. */
  ratePerMinute: number;
  etaSeconds: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** False when a model without a known price answered: `costUsd` then counts only the priced ones. */
  costKnown: boolean;
  paused: boolean;
  /** The model new requests go to. */
  model: string;
  lastImage?: { id: string; state: ImageRunState };
}

export type RunStatus =
  | 'completed'
  | 'cancelled'
  | 'quota-exhausted'
  | 'invalid-key'
  | 'model-not-found'
  /** The model cannot see images (an OpenAI-compatible server's text-only model). */
  | 'no-vision'
  /** A Gemini batch job ended without results (it failed or expired on Gemini's side, or was lost). */
  | 'batch-failed';

/** One model of a run's chain: the captions it wrote, and why the run moved past it (when it did). */
export interface ModelUse {
  model: string;
  captioned: number;
  /** Daily quota used up, unknown to the API or server, or failing again and again; null: not left. */
  left: 'quota' | 'missing' | 'failing' | null;
}

export interface RunSummary {
  status: RunStatus;
  message: string | null;
  captioned: number;
  failed: number;
  blocked: number;
  /** Images left without an outcome (not reached, cancelled in flight, stopped by quota): the next run does them. */
  notAttempted: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  costKnown: boolean;
  elapsedMs: number;
  /** When every model of the chain ran out of daily quota: when it resets (midnight Pacific), as an ISO time. */
  quotaResetsAt?: string;
  /**
   * The chain's models that wrote a caption or were left, in chain order, so the summary can say "Flash's daily
   * quota ran out; Gemma 3 27B wrote the rest". Absent for runs that ended on an error.
   */
  models?: ModelUse[];
}

/** A Gemini batch job as the run bar and the CLI show it (built from the dataset's record by `batchStatusOf`). */
export interface BatchStatus {
  state: BatchState;
  /** `batches/...`; null while the inputs are uploading. */
  name: string | null;
  model: string;
  /** Images in the job. */
  images: number;
  /** While uploading: images prepared and sent so far, of `images`. */
  uploaded: number;
  /** What the job should cost at the Batch API's half price; null when the model's price is not known. */
  costUsd: number | null;
  /** What it saves against the same images in a normal run. */
  savingUsd: number | null;
  submittedAt: string;
  /** When Gemini last answered about the job. */
  checkedAt: string | null;
  /** Why the last check did not get through (no connection...): checking goes on. */
  problem: string | null;
}

export interface ExportProgress {
  /** Images written so far (each with its caption). */
  done: number;
  total: number;
  /** Bytes written to the output so far. */
  bytes: number;
}

/** One reason an image blocks the export (`error`) or deserves a look (`warning`). */
export interface ExportProblem {
  imageId: string;
  relPath: string;
  exportName: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface ExportReport {
  preset: ExportPresetId;
  target: ExportTarget;
  /** The ZIP file or folder written (`beside`: the dataset's first root, where the captions went). */
  path: string;
  images: number;
  /** Total bytes written (ZIP size, or the sum of the folder's files). */
  bytes: number;
  /** Images exported although their source changed since import. */
  warnings: ExportProblem[];
  /** Images re-encoded (upright, format conversion or resize). */
  converted: number;
  /** Images copied byte for byte (apart from GPS tags blanked out in place). */
  copied: number;
  /** Images scaled down by the resize option. */
  resized: number;
  /** Images whose GPS tags were removed (0 when the user kept them). */
  locationRemoved: number;
  /** `beside` only: every caption file written, absolute paths (empty for the other presets). */
  written: string[];
  /** `beside` only: `name.txt.bak` files made from a different caption file that was there. */
  backups: string[];
}

export interface DatasetSummary {
  id: string;
  name: string;
  trigger: string;
  imageCount: number;
  /** Images whose status is `captioned` or `edited`. */
  captionedCount: number;
  createdAt: string;
  updatedAt: string;
  /** Plain-language message when the dataset cannot be read (it is listed so the user can remove it). */
  broken: null | string;
}
