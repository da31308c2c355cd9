import { z } from 'zod';
import { DEFAULT_EXPORT_CHOICE, ExportChoice } from './export-presets';
import { MAX_TRAININGS_KEPT, TrainingRecord } from './training';

/**
 * The dataset manifest: everything Caption Studio knows about one dataset, kept small (no image data) so a
 * whole 2,000-image dataset loads in milliseconds. Images are referenced by absolute path, never copied.
 */

export const MANIFEST_VERSION = 1 as const;

const Provider = z.enum(['gemini', 'openai']);
export type ProviderName = z.infer<typeof Provider>;

/**
 * Where a Gemini batch job is: inputs still `uploading` (no job yet), then the server's states. Only the first three
 * are ever saved for long: a job that ended is applied or given up and its record cleared.
 */
const BatchState = z.enum(['uploading', 'queued', 'running', 'succeeded', 'failed', 'cancelled', 'expired']);
export type BatchState = z.infer<typeof BatchState>;

/**
 * A Gemini batch job for this dataset, saved before anything is uploaded and again the moment the job exists, so
 * closing the app or the CLI loses nothing: the next open polls the same job and never submits twice, and a record
 * left `uploading` by a crash has its files deleted (nothing was submitted). Cleared once the results are in the
 * dataset and the files are gone.
 */
const BatchJobRecord = z.object({
  /** The job's resource name, e.g. `batches/abc123`; null while the inputs are still uploading (no job yet). */
  name: z.string().min(1).max(500).nullable(),
  /**
   * Unique to this submission and sent as the job's display name: a job created just before a crash (its name never
   * saved) is found again by it instead of being submitted a second time.
   */
  displayName: z.string().min(1).max(128),
  model: z.string().min(1).max(200),
  state: BatchState,
  /** The requests went inline with the job (the whole batch under 20 MB) or as a JSONL file of uploaded images. */
  input: z.enum(['inline', 'file']),
  /** Image ids in the job, in request order (results are matched by key, this is for counts and cleanup). */
  imageIds: z.array(z.string()),
  /**
   * Files uploaded for the job (the JSONL and the images), listed before their upload starts (their names are
   * chosen here), so a crash mid-upload leaves nothing unknown behind. Deleted when the job ends, whatever way.
   */
  uploadedFiles: z.array(z.string()),
  /**
   * Captions the user had typed on images the job recaptions, as they were when it was submitted: the result
   * replaces such a caption only while it is still this one (one typed after submitting is the user's newer word).
   */
  typedCaptions: z.record(z.string(), z.string()).default({}),
  submittedAt: z.string(),
  /**
   * The process uploading it (host name and pid) while `name` is null: another process on this machine that finds
   * the record leaves it alone while that process lives, and settles it once it is gone (a crash mid-upload).
   */
  uploader: z
    .object({ host: z.string().max(255), pid: z.number().int() })
    .nullable()
    .default(null),
  /** When the state was last read from the server. */
  checkedAt: z.string().nullable(),
  /**
   * Set by the same write that put the results in the dataset (or recorded that none will come: cancelled, failed,
   * expired): only deleting the files is left, and a crash before that never applies or reports the job twice.
   */
  settledAt: z.string().nullable().default(null),
});
export type BatchJobRecord = z.infer<typeof BatchJobRecord>;

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
  /** The export dialog's last choices (preset, target, resize, location, kohya's folder), remembered per dataset. */
  exportChoice: ExportChoice.default(DEFAULT_EXPORT_CHOICE),
  /** Trainings started on Replicate, newest last; an unfinished one is followed again when the dataset opens. */
  trainings: z.array(TrainingRecord).max(MAX_TRAININGS_KEPT).default([]),
});
export type DatasetManifest = z.infer<typeof DatasetManifest>;
