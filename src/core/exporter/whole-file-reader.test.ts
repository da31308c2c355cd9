import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WholeFile, WholeFileReader } from './whole-file-reader';

let dir: string;
const files: string[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whole-file-reader-test-'));
  for (const [i, size] of [200_000, 150_000, 180_000, 170_000, 0].entries()) {
    files.push(join(dir, `f${i}`));
    await writeFile(join(dir, `f${i}`), randomBytes(size));
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function readOrFail(reader: WholeFileReader, path: string): Promise<WholeFile> {
  const whole = await reader.read(path);
  if (!whole) throw new Error(`${path} was not read whole`);
  return whole;
}

describe('WholeFileReader', () => {
  it('reads files whole, an empty one too', async () => {
    const reader = new WholeFileReader();
    for (const file of files) {
      const whole = await readOrFail(reader, file);
      expect(whole.bytes).toEqual(await readFile(file));
      whole.release(Promise.resolve());
    }
  });

  it('rotates three buffers and refills one only once its last bytes are released', async () => {
    const [a, b, c, d] = files as [string, string, string, string];
    const reader = new WholeFileReader();
    const first = await readOrFail(reader, a);
    const firstCopy = Buffer.from(first.bytes);
    let consumeFirst = () => {};
    first.release(new Promise<void>((resolve) => (consumeFirst = resolve)));
    (await readOrFail(reader, b)).release(Promise.resolve());
    (await readOrFail(reader, c)).release(Promise.resolve());

    let fourthRead = false;
    const fourth = readOrFail(reader, d).then((whole) => {
      fourthRead = true;
      return whole;
    });
    await readFile(d); // some file I/O passes: the fourth read is still waiting for the first buffer
    expect(fourthRead).toBe(false);
    expect(first.bytes).toEqual(firstCopy);
    consumeFirst();
    expect((await fourth).bytes).toEqual(await readFile(d));
    expect((await fourth).bytes.buffer).toBe(first.bytes.buffer); // the first buffer, reused
  });

  it('rejects with the file system error for a path it cannot read, and frees the buffer it took', async () => {
    const reader = new WholeFileReader();
    await expect(reader.read(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    for (let i = 0; i < 4; i++) await expect(reader.read(dir)).rejects.toMatchObject({ code: 'EISDIR' });
    expect((await readOrFail(reader, files[0] as string)).bytes).toEqual(await readFile(files[0] as string));
  });
});
