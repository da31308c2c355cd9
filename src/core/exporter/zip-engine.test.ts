import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { readZipEntries } from '../../../tests/support/zip';
import { createDatasetZip } from './zip-engine';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zip-engine-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Source = Buffer | Readable;

/** Writes `entries` with the dataset ZIP stream, one at a time as the exporter does, and returns the ZIP's path. */
async function writeZip(entries: Array<[string, Source, boolean]>, options = {}): Promise<string> {
  const path = join(dir, `${randomBytes(4).toString('hex')}.zip`);
  const zip = createDatasetZip({ zlib: { level: 9 }, ...options });
  const written = pipeline(zip, createWriteStream(path));
  for (const [name, source, store] of entries) {
    await new Promise<void>((resolve, reject) => {
      zip.entry(source, { name, store }, (e) => (e ? reject(e) : resolve()));
    });
  }
  zip.finalize();
  await written;
  return path;
}

/** The general purpose flags of every entry, as the central directory records them. */
async function flagsOf(path: string): Promise<Map<string, number>> {
  const zip = await yauzl.openPromise(path);
  const flags = new Map<string, number>();
  for await (const entry of zip.eachEntry()) flags.set(entry.fileName, entry.generalPurposeBitFlag);
  zip.close();
  return flags;
}

const DATA_DESCRIPTOR = 0x8;

describe('createDatasetZip', () => {
  const photo = randomBytes(300_000);
  const caption = Buffer.from('photo of TOK a cat on a “sofa” in 東京 ✨, '.repeat(20));

  it('stores and deflates Buffer entries with native CRCs and the sizes in the local header', async () => {
    const path = await writeZip([
      ['photo.jpg', photo, true],
      ['photo.txt', caption, false],
      ['empty.txt', Buffer.alloc(0), false],
      ['café über 東京 ✨.jpg', photo.subarray(0, 1000), true],
    ]);
    const entries = await readZipEntries(path); // yauzl checks every CRC and size
    expect(entries.get('photo.jpg')).toMatchObject({ data: photo, method: 0 });
    expect(entries.get('photo.txt')).toMatchObject({ data: caption, method: 8 });
    expect((entries.get('photo.txt')?.data.length ?? 0) > 0).toBe(true);
    expect(entries.get('empty.txt')).toMatchObject({ data: Buffer.alloc(0), method: 0 });
    expect(entries.get('café über 東京 ✨.jpg')?.utf8Flag).toBe(true);
    for (const flags of (await flagsOf(path)).values()) expect(flags & DATA_DESCRIPTOR).toBe(0);
  });

  it('still takes streamed entries through the stock path (CRC in a data descriptor)', async () => {
    const path = await writeZip([
      ['big.jpg', Readable.from([photo.subarray(0, 100_000), photo.subarray(100_000)]), true],
      ['big.txt', caption, false],
    ]);
    const entries = await readZipEntries(path);
    expect(entries.get('big.jpg')).toMatchObject({ data: photo, method: 0 });
    expect(entries.get('big.txt')?.data).toEqual(caption);
    expect(((await flagsOf(path)).get('big.jpg') ?? 0) & DATA_DESCRIPTOR).toBe(DATA_DESCRIPTOR);
  });

  it('writes ZIP64 records that unzippers read (as a dataset past 4 GB needs)', async () => {
    const path = await writeZip(
      [
        ['a.jpg', photo, true],
        ['a.txt', caption, false],
      ],
      { forceZip64: true },
    );
    const entries = await readZipEntries(path);
    expect(entries.get('a.jpg')?.data).toEqual(photo);
    expect(entries.get('a.txt')?.data).toEqual(caption);
  });
});
