import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WholeFileReader } from './whole-file-reader';

let dir: string;
const files: string[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whole-file-reader-test-'));
  for (const [i, size] of [200_000, 150_000, 180_000, 0].entries()) {
    files.push(join(dir, `f${i}`));
    await writeFile(join(dir, `f${i}`), randomBytes(size));
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('WholeFileReader', () => {
  it('reads files whole, an empty one too', async () => {
    const reader = new WholeFileReader();
    for (const file of files) {
      expect(await reader.read(file)).toEqual(await readFile(file));
      reader.releaseWhen(Promise.resolve());
    }
  });

  it('uses two buffers in turn and refills one only once its last bytes are released', async () => {
    const [a, b, c] = files as [string, string, string];
    const reader = new WholeFileReader();
    const first = await reader.read(a);
    const firstCopy = Buffer.from(first ?? []);
    let releaseFirst = () => {};
    reader.releaseWhen(new Promise<void>((resolve) => (releaseFirst = resolve)));
    await reader.read(b);
    reader.releaseWhen(Promise.resolve());

    let thirdRead = false;
    const third = reader.read(c).then((bytes) => {
      thirdRead = true;
      return bytes;
    });
    await readFile(c); // some file I/O passes: the third read is still waiting for the first buffer
    expect(thirdRead).toBe(false);
    expect(first).toEqual(firstCopy);
    releaseFirst();
    expect(await third).toEqual(await readFile(c));
    expect((await third)?.buffer).toBe(first?.buffer); // the first buffer, reused
  });

  it('rejects with the file system error for a path it cannot read', async () => {
    const reader = new WholeFileReader();
    await expect(reader.read(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(reader.read(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
