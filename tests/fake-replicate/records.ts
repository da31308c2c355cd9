/**
 * The records the fake keeps of Replicate's resources (files, models with their versions, trainings), as plain
 * data, and the statuses a training goes through.
 */

export type TrainingStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';
export type TerminalStatus = Exclude<TrainingStatus, 'starting' | 'processing'>;

export const isTerminal = (status: TrainingStatus): status is TerminalStatus =>
  status !== 'starting' && status !== 'processing';

export interface StoredFile {
  /** Base64 of a UUID, as the real service's ids are (`NGZiNmY2YzQtMThh...`). */
  id: string;
  owner: string;
  /** The multipart part's filename (or the `filename` field). */
  name: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
  md5: string;
  metadata: Record<string, unknown>;
  createdAt: string;
  /** 24 hours after creation. */
  expiresAt: string;
}

export interface StoredVersion {
  /** 64 hex characters. */
  id: string;
  createdAt: string;
  cogVersion: string;
  openapiSchema: Record<string, unknown> | null;
}

export interface StoredModel {
  owner: string;
  name: string;
  description: string | null;
  visibility: 'public' | 'private';
  hardware: string;
  /** Oldest first; the last one is `latest_version`. */
  versions: StoredVersion[];
  runCount: number;
}

/** What a training's `input_images` came to when it was created: the stored ZIP's entry names, or why not. */
export type TrainingData =
  | { kind: 'zip'; fileId: string; entries: string[] }
  | { kind: 'not-zip'; fileId: string }
  | { kind: 'unreachable'; url: string };

export interface StoredTraining {
  /** 26 lowercase letters and digits. */
  id: string;
  owner: string;
  /** The trainer, `owner/name`, and its version id. */
  model: string;
  version: string;
  destination: string;
  /** The input exactly as sent (defaults are not filled in, as the real API echoes it). */
  input: Record<string, unknown>;
  webhook: string | null;
  webhookEventsFilter: string[] | null;
  data: TrainingData | null;
  status: TrainingStatus;
  /** How many processing snapshots it has shown. */
  stage: number;
  logs: string;
  error: string | null;
  output: { version: string; weights: string } | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}
