/**
 * Fault injection for the fake Gemini server: the kinds of failure a real run meets, and a seeded random mix
 * (429/503/500/dropped connection) that never fails one image more than a few times in a row, so a client with
 * sane retries always gets through and tests stay deterministic in outcome.
 */

export type Fault = '429' | '503' | '500' | 'drop' | 'safety' | 'prompt-block' | 'max-tokens' | 'bad-image';

export interface FaultRequest {
  model: string;
  /** sha256 of the inline image bytes, or null for a request without an image. */
  imageKey: string | null;
  /** 1 for the first request carrying this image, 2 for the second... */
  attempt: number;
  /** Index of the request among all requests the server has received (for a batch line: its batches.create). */
  index: number;
  /** Set for a line of a batch, when the batch runs: which batch, the line's key and its position. */
  batch?: { name: string; key: string | null; line: number };
}

/** mulberry32: a tiny seeded PRNG, so a given seed produces the same fault sequence every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TRANSIENT: readonly Fault[] = ['429', '503', '500', 'drop'];

/**
 * A fault hook that fails about `rate` of requests with a random transient fault, but never an image's request
 * after `maxPerImage` consecutive failures of that image.
 */
export function randomTransientFaults(
  rate: number,
  seed = 1,
  maxPerImage = 3,
): (req: FaultRequest) => Fault | undefined {
  const random = seededRandom(seed);
  const streak = new Map<string, number>();
  return (req) => {
    const key = req.imageKey ?? `#${req.index}`;
    const failures = streak.get(key) ?? 0;
    const roll = random();
    const kind = TRANSIENT[Math.floor(random() * TRANSIENT.length)];
    if (failures < maxPerImage && roll < rate && kind) {
      streak.set(key, failures + 1);
      return kind;
    }
    streak.set(key, 0);
    return undefined;
  };
}
