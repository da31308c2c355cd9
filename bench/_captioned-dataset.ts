// A dataset of captioned images for the bulk-edit and check benchmarks: varied model captions (some phrases in
// most of them, as real runs produce), unrelated perceptual hashes and a few real near duplicates.
import { createDatasetStore, type DatasetStore } from '../src/core/datasets';
import { SAMPLE_SETTINGS, sampleImages } from '../src/core/datasets/testing';

const SUBJECTS = ['a wide hall', 'a reading room', 'a staircase', 'a lecture theatre', 'a corridor', 'a foyer'];
const DETAILS = ['wooden benches', 'tall arched windows', 'a chandelier', 'marble columns', 'a red carpet', 'posters'];
const LIGHT = ['soft daylight', 'warm evening light', 'bright overhead lights', 'light from the left'];

/** The n-th caption: mostly different, sharing "polished wooden floor" (9 in 10) as models tend to. */
export function benchCaption(trigger: string, n: number): string {
  const pick = <T>(xs: T[], k: number) => xs[k % xs.length] as T;
  const floor = n % 10 === 9 ? 'a stone floor' : 'a polished wooden floor';
  return `photo of ${trigger} ${pick(SUBJECTS, n)} with ${pick(DETAILS, n * 7 + 3)}, ${floor}, ${pick(LIGHT, n * 3)}, view ${n}`;
}

/** A fixed pseudo-random 64-bit hash per image; every 50th image repeats its predecessor's (a near duplicate). */
function hashOf(n: number): string {
  const k = n % 50 === 49 ? n - 1 : n;
  let x = (BigInt(k + 1) * 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
  x = ((x ^ (x >> 31n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
  return (x ^ (x >> 29n)).toString(16).padStart(16, '0').slice(-16);
}

export async function captionedDataset(dataDir: string, count: number, trigger: string) {
  const store: DatasetStore = createDatasetStore({ dataDir });
  const created = await store.create({ name: 'Bench', trigger, roots: ['/photos'], settings: SAMPLE_SETTINGS });
  const images = sampleImages(count, trigger).map((img, n) => ({
    ...img,
    caption: benchCaption(trigger, n),
    captionSource: 'model' as const,
    status: 'captioned' as const,
    model: 'gemini-2.5-flash',
    provider: 'gemini' as const,
    phash: hashOf(n),
  }));
  await store.save({ ...created, images });
  return { store, id: created.id };
}
