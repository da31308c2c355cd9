import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DEFAULT_PROMPT } from '../../src/core/captioner';
import type { Clock } from '../../src/core/ports';
import type { DatasetSettings, ImageFormat } from '../../src/shared/dataset';
import { FIXTURES_DIR } from '../support/fixtures';

/** Helpers shared by the captioner's integration tests and benchmark. */

export const FIXTURES = FIXTURES_DIR;

export function testSettings(patch: Partial<DatasetSettings> = {}): DatasetSettings {
  return {
    provider: 'gemini',
    baseUrl: null,
    model: 'gemini-2.5-flash',
    fallbackModels: ['gemini-2.5-flash-lite'],
    prompt: DEFAULT_PROMPT,
    concurrency: 4,
    rpm: 6000,
    downscale: 512,
    ...patch,
  };
}

/** A clock whose sleeps end at once (on the next macrotask) and are recorded, so retry waits cost no time. */
export function fastClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now(),
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = () => {
          clearImmediate(t);
          reject(signal?.reason);
        };
        const t = setImmediate(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

export async function tempDir(prefix = 'caption-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies fixture files (paths relative to the dropped folder) into `dir`; returns their new paths. */
export async function copyFixtures(dir: string, relPaths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const [i, rel] of relPaths.entries()) {
    const dest = join(dir, `${i}-${rel.split('/').pop()}`);
    await cp(join(FIXTURES, rel), dest);
    out.push(dest);
  }
  return out;
}

/** Writes `count` small, distinct JPEGs (different sizes and colours) and returns them as caption jobs. */
export async function generateJpegs(
  dir: string,
  count: number,
  size = 320,
): Promise<Array<{ id: string; source: string; format: ImageFormat }>> {
  const jobs: Array<{ id: string; source: string; format: ImageFormat }> = [];
  for (let i = 0; i < count; i++) {
    const source = join(dir, `img-${String(i).padStart(3, '0')}.jpg`);
    await sharp({
      create: {
        width: size + i,
        height: Math.round(size * 0.75),
        channels: 3,
        background: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 },
      },
    })
      .jpeg({ quality: 80 })
      .toFile(source);
    jobs.push({ id: `img-${i}`, source, format: 'jpeg' });
  }
  return jobs;
}

export { sha256 } from '../support/hash';

/** Groups items by a key, keeping order (Map.groupBy is ES2024; the project targets ES2023). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
