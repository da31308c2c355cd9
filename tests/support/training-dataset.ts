import type { DatasetStore } from '../../src/core/datasets';
import { createMemoryKeychain } from '../../src/core/secrets';
import type { TrainingDeps } from '../../src/core/training';
import { FAKE_REPLICATE_TOKEN, type FakeReplicate } from '../fake-replicate';
import { photoDataset } from './batch-dataset';

/**
 * A captioned dataset of real photos ready to train (trigger `my_cat`), and the training's deps pointed at a fake
 * Replicate: the token in the environment (REPLICATE_API_TOKEN), REPLICATE_BASE_URL at the fake, a clock whose
 * sleeps end at once (the fake moves a training on each look, so following needs no real waiting).
 */
export async function trainableDataset(
  dir: string,
  count = 3,
): Promise<{ store: DatasetStore; datasetId: string; dataDir: string }> {
  const dataset = await photoDataset(dir, count);
  await dataset.store.modify(dataset.datasetId, (m) => ({
    ...m,
    images: m.images.map((i, n) => ({
      ...i,
      caption: `photo of my_cat sitting on the sofa, view ${n + 1}`,
      captionSource: 'model' as const,
      status: 'captioned' as const,
    })),
  }));
  return dataset;
}

export function trainingDeps(
  fake: FakeReplicate,
  store: TrainingDeps['store'],
  token = FAKE_REPLICATE_TOKEN,
): TrainingDeps {
  return {
    store,
    keychain: createMemoryKeychain(),
    env: { REPLICATE_API_TOKEN: token, REPLICATE_BASE_URL: fake.url },
    clock: {
      now: () => Date.now(),
      sleep: async (_ms, signal) => {
        signal?.throwIfAborted();
        await new Promise((r) => setImmediate(r));
      },
    },
  };
}
