import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BatchJobView, BatchResultLine, GeminiBatchClient } from '../captioner';

/**
 * Hands every result line of a finished job to `onLine` with its key (the image id): an inline job's responses
 * from the job itself, a file job's from its results file, downloaded to `dir` and read line by line (a
 * 20,000-line file is never held in memory whole), then removed.
 */
export async function readResults(
  client: GeminiBatchClient,
  job: BatchJobView,
  dir: string,
  onLine: (key: string | null, line: BatchResultLine) => void,
): Promise<void> {
  for (const line of job.inlined ?? []) onLine(line.key, line);
  if (!job.resultsFile) return;
  const path = join(dir, `batch-results-${randomBytes(6).toString('hex')}.jsonl`);
  try {
    await client.download(job.resultsFile, path);
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const text of lines) {
      if (text.trim() === '') continue;
      const parsed = parseLine(text);
      onLine(parsed.key, parsed);
    }
  } finally {
    await rm(path, { force: true });
  }
}

/** A line that cannot be read is a line without an answer (its image fails and can be captioned again). */
function parseLine(text: string): BatchResultLine & { key: string | null } {
  try {
    const value = JSON.parse(text) as { key?: unknown; response?: unknown; error?: unknown };
    const key = typeof value.key === 'string' ? value.key : null;
    return {
      key,
      ...(value.response ? { response: value.response } : {}),
      ...(value.error ? { error: value.error } : {}),
    };
  } catch {
    return { key: null, error: { message: 'Its result line could not be read.' } };
  }
}
