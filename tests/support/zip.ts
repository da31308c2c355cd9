import yauzl from 'yauzl';

export interface ZipEntryRead {
  data: Buffer;
  method: number;
  utf8Flag: boolean;
}

/** Every entry of a ZIP with how it was stored, read back with yauzl (which also checks CRCs and sizes). */
export async function readZipEntries(path: string): Promise<Map<string, ZipEntryRead>> {
  const zip = await yauzl.openPromise(path);
  const out = new Map<string, ZipEntryRead>();
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      out.set(entry.fileName, {
        data: Buffer.concat(chunks),
        method: entry.compressionMethod,
        utf8Flag: (entry.generalPurposeBitFlag & 0x800) !== 0,
      });
    }
  } finally {
    zip.close();
  }
  return out;
}

/** Every entry of a ZIP (tests only): name -> bytes. */
export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const entries = await readZipEntries(path);
  return new Map([...entries].map(([name, entry]) => [name, entry.data]));
}
