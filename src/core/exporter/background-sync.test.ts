import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundSync } from './background-sync';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'background-sync-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('BackgroundSync', () => {
  it('fsyncs every file added, runs each follow-up, and settles once all are done', async () => {
    const out = await mkdtemp(join(dir, 'ok-'));
    const syncs = new BackgroundSync();
    for (let i = 0; i < 10; i++) {
      await writeFile(join(out, `.${i}.tmp`), `file ${i}`);
      await syncs.add(join(out, `.${i}.tmp`), () => rename(join(out, `.${i}.tmp`), join(out, `${i}.txt`)));
    }
    await syncs.settle();
    expect((await readdir(out)).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `${i}.txt`).sort());
  });

  it('reports the first failure at settle and refuses further files', async () => {
    const syncs = new BackgroundSync();
    await syncs.add(join(dir, 'never-written'));
    await expect(syncs.settle()).rejects.toMatchObject({ code: 'ENOENT' });
    await writeFile(join(dir, 'later'), 'x');
    await expect(syncs.add(join(dir, 'later'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
