import yauzl from 'yauzl';

/**
 * The entry names of a ZIP held in memory, or null when the bytes are not a ZIP: what the trainer's
 * `extract_zip` sees (`is_zipfile`, then every entry but macOS resource forks).
 */
export async function zipEntryNames(bytes: Buffer): Promise<string[] | null> {
  try {
    const zip = await yauzl.fromBufferPromise(bytes);
    const names: string[] = [];
    try {
      for await (const entry of zip.eachEntry()) names.push(entry.fileName);
    } finally {
      zip.close();
    }
    return names;
  } catch {
    return null;
  }
}
