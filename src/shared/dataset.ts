import { z } from 'zod';

/**
 * The dataset manifest: everything Caption Studio knows about one dataset, kept small (no image data) so a
 * whole 2,000-image dataset loads in milliseconds. Images are referenced by absolute path, never copied.
 */

export const MANIFEST_VERSION = 1 as const;

const Provider = z.enum(['gemini', 'openai']);
export type ProviderName = z.infer<typeof Provider>;

/**
 * A submitted Gemini batch job, saved the moment it exists, so closing the app or the CLI loses nothing: the next
 * open polls the same job and never submits twice. Cleared when its results are applied (or it is cancelled).
 */
const BatchState = z.enum(['uploading', 'queued', 'running', 'succeeded', 'failed', 'cancelled', 'expired']);

const BatchJobRecord = z.object({
  /** The job's resource name, e.g. `batches/abc123`. */
  /** Null while the inputs are still uploading (the job does not exist yet). */
  name: z.string().min(1).max(500).nullable(),
  model: z.string().min(1).max(200),
  state: BatchState,
  /** Image ids in the job, in request order (results are matched by key, this is for counts and cleanup). */
  imageIds: z.array(z.string()),
  /** Files uploaded for the job (the JSONL and/or images), deleted when the job ends. */
  uploadedFiles: z.array(z.string()),
  submittedAt: z.string(),
  /** When the state was last read from the server. */
  checkedAt: z.string().nullable(),
});

/** Formats the importer accepts. jpeg/png/webp ship as they are; the rest are converted at export. */
export const ImageFormat = z.enum(['jpeg', 'png', 'webp', 'heic', 'avif', 'tiff', 'gif']);
export type ImageFormat = z.infer<typeof ImageFormat>;

/**
 * Persistent per-image status. `queued` and `captioning` are transient run states reported in progress
 * events; they are never written to disk (a crash mid-request leaves the image `new`, so it is retried).
 */
const ImageStatus = z.enum(['new', 'captioned', 'edited', 'failed', 'blocked']);

/** Where the current caption came from. */
const CaptionSource = z.enum(['imported', 'model', 'user']);

export const ImageEntry = z.object({
  /** Stable id derived from the absolute source path (see importer). Used for thumbnails and IPC. */
  id: z.string().min(1),
  /** Absolute path of the original file. */
  source: z.string().min(1),
  /** Path relative to the dropped root it came from, with forward slashes (used for naming and display). */
  relPath: z.string().min(1),
  format: ImageFormat,
  /** Upright dimensions (after EXIF orientation). */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** EXIF orientation 1-8 (1 when absent). */
  orientation: z.number().int().min(1).max(8),
  hasAlpha: z.boolean(),
  /** Size and modification time at import, to detect a source that changed before export. */
  bytes: z.number().int().nonnegative(),
  mtimeMs: z.number().nonnegative(),
  /** Basename (no extension) used for the image and its .txt in exports; unique case-insensitively. */
  exportName: z.string().min(1),
  caption: z.string().nullable(),
  captionSource: CaptionSource.nullable(),
  status: ImageStatus,
  /** Plain-language reason for `failed` / `blocked`. */
  error: z.string().nullable(),
  /** Excluded images are kept in the dataset but left out of exports. */
  excluded: z.boolean(),
  /** Model that wrote the current caption, when it came from a model. */
  model: z.string().nullable(),
  /** The provider that model was reached through (absent in datasets written before there was a choice). */
  provider: Provider.nullable().default(null),
  /**
   * When the photo was taken: EXIF DateTimeOriginal as written by the camera (local time, no zone), e.g.
   * `2024-05-01T14:03:22`. Null when the file has none; absent in datasets imported before 0.3 until the dataset
   * check reads it.
   */
  takenAt: z.string().max(40).nullable().default(null),
  /**
   * 64-bit perceptual hash (DCT pHash of the upright image, 16 hex digits), for finding near-duplicate images.
   * Computed at import; null in datasets imported before 0.3 until the dataset check computes it.
   */
  phash: z
    .string()
    .regex(/^[0-9a-f]{16}$/u)
    .nullable()
    .default(null),
});
export type ImageEntry = z.infer<typeof ImageEntry>;

export const SkipReason = z.enum([
  'not-an-image',
  'empty',
  'corrupt',
  'unsupported-format',
  'too-small',
  'too-many-pixels',
  'unreadable',
]);
export type SkipReason = z.infer<typeof SkipReason>;

export const SkippedFile = z.object({
  path: z.string(),
  reason: SkipReason,
  /** Human-readable explanation shown to the user. */
  message: z.string(),
});
export type SkippedFile = z.infer<typeof SkippedFile>;

export const DatasetSettings = z.object({
  /** Who captions: Gemini, or a server speaking the OpenAI chat-completions protocol (local or remote). */
  provider: Provider.default('gemini'),
  /** The OpenAI-compatible server, e.g. `http://127.0.0.1:11434/v1` (Ollama); null for Gemini. */
  baseUrl: z.string().url().max(2048).nullable().default(null),
  model: z.string().min(1).max(200),
  /** Models tried in order when `model` keeps failing. */
  fallbackModels: z.array(z.string().min(1).max(200)).max(10),
  /** Prompt template; `{trigger}` is replaced by the trigger word. */
  prompt: z.string().min(1).max(10_000),
  concurrency: z.number().int().min(1).max(64),
  /** Requests per minute per model; null: no limit (local servers). */
  rpm: z.number().int().min(1).max(100_000).nullable(),
  /** Long side in px of the copy sent to Gemini. */
  downscale: z.number().int().min(256).max(4096),
});
export type DatasetSettings = z.infer<typeof DatasetSettings>;

export const DatasetManifest = z.object({
  version: z.literal(MANIFEST_VERSION),
  id: z.string().min(1),
  name: z.string().min(1),
  trigger: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Absolute paths the user dropped (folders or files), in the order given. */
  roots: z.array(z.string()),
  settings: DatasetSettings,
  images: z.array(ImageEntry),
  skipped: z.array(SkippedFile),
  /** A Gemini batch job submitted for this dataset and not finished yet: polled again when the dataset opens. */
  batch: BatchJobRecord.nullable().default(null),
});
export type DatasetManifest = z.infer<typeof DatasetManifest>;
