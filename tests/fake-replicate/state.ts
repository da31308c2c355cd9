import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { StoredFile, StoredModel, StoredTraining } from './records';
import { TRAINER_MODEL, trainerVersion } from './trainer-schema';

/**
 * What the fake keeps of Replicate: uploaded files, models with their versions, and trainings. Plain data in one
 * object that outlives a server, so a test can close the fake and start it again with the same trainings
 * (`startFakeReplicate({ state })`), the way a real training outlives the app that started it.
 */

export const isoTime = (ms = Date.now()): string => new Date(ms).toISOString();

const FILE_LIFETIME_MS = 24 * 3600_000;

export class FakeReplicateState {
  readonly files = new Map<string, StoredFile>();
  readonly models = new Map<string, StoredModel>();
  readonly trainings = new Map<string, StoredTraining>();

  constructor() {
    const [owner = '', name = ''] = TRAINER_MODEL.split('/');
    this.models.set(TRAINER_MODEL, {
      owner,
      name,
      description: 'Fast FLUX.1 [dev] LoRA training with ai-toolkit',
      visibility: 'public',
      hardware: 'gpu-h100',
      versions: [trainerVersion()],
      runCount: 1_204_517,
    });
  }

  addFile(init: Pick<StoredFile, 'owner' | 'name' | 'contentType' | 'bytes' | 'metadata'>): StoredFile {
    const now = Date.now();
    const file: StoredFile = {
      ...init,
      id: Buffer.from(randomUUID()).toString('base64'),
      sha256: createHash('sha256').update(init.bytes).digest('hex'),
      md5: createHash('md5').update(init.bytes).digest('hex'),
      createdAt: isoTime(now),
      expiresAt: isoTime(now + FILE_LIFETIME_MS),
    };
    this.files.set(file.id, file);
    return file;
  }

  /** Files clients uploaded and have not deleted: what an app should clean up once its training has ended. */
  uploadedFiles(): StoredFile[] {
    return [...this.files.values()];
  }

  /** A file by its id or by its `urls.get` (`.../v1/files/{id}` on any host). */
  file(idOrUrl: string): StoredFile | undefined {
    return this.files.get(idOrUrl.replace(/^.*\/v1\/files\//u, ''));
  }

  model(ref: string): StoredModel | undefined {
    return this.models.get(ref);
  }

  training(id: string): StoredTraining | undefined {
    return this.trainings.get(id);
  }
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A random id shaped like a training's (`zz4ibbonubfz7carwiefibzgga`): 26 lowercase letters and digits. */
export function randomId(length = 26): string {
  return [...randomBytes(length)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** 64 hex characters derived from `seed`: a version id that is stable for the same seed. */
export const versionId = (seed: string): string => createHash('sha256').update(seed).digest('hex');
