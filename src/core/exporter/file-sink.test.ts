import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSink } from './file-sink';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-sink-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('FileSink', () => {
  it('writes every chunk in order and tells when a given number of bytes is in the file', async () => {
    const path = join(dir, 'out.bin');
    const file = await open(path, 'wx');
    const sink = new FileSink(file);
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(1000 + i, i));
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const reached: number[] = [];
    const half = sink.until(total / 2).then(() => reached.push(sink.written));
    await pipeline(Readable.from(chunks), sink);
    await half;
    await file.close();
    expect(await readFile(path)).toEqual(Buffer.concat(chunks));
    expect(sink.written).toBe(total);
    expect(reached[0]).toBeGreaterThanOrEqual(total / 2);
    await expect(sink.until(total)).resolves.toBeUndefined();
  });

  it('rejects a wait when destroyed before the bytes arrive', async () => {
    const file = await open(join(dir, 'destroyed.bin'), 'wx');
    const sink = new FileSink(file);
    sink.on('error', () => {}); // the error is the point of the test
    const waiting = sink.until(10);
    sink.destroy(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    await expect(sink.until(10)).rejects.toThrow('stopped');
    await file.close();
  });
});
