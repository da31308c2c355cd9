import type { BatchJobRecord, DatasetManifest, ImageEntry } from '../../shared/dataset';
import { estimateCostUsd } from '../../shared/models';
import type { RunSummary } from '../../shared/progress';
import { type BatchJobView, batchLineOutcome, type CaptionOutcome } from '../captioner';
import { outcomePatch } from '../workflow';
import { changeRecord } from './record';
import { readResults } from './results';
import { deleteFilesAndClear } from './settle';
import { batchSummary } from './summary';
import type { BatchDeps, BatchStep } from './types';

/**
 * Puts a finished job's results into the dataset: every line through the same normalisation (`interpret`) and the
 * same patch rule (`outcomePatch`) as a normal run, all of them in ONE manifest write together with the record's
 * `settledAt`. That write is atomic: before it, nothing changed and the job (whose results stay on Gemini's side
 * until its files are deleted, after it) is simply read again on the next check; after it, the record says the
 * results are in, so a crash never applies or reports them twice. One write instead of a journal line per image
 * keeps 1,000 results well under a second. The user's work wins: an image excluded since, or whose typed caption
 * is not the one it had at submission, keeps what it has.
 */
export async function applyResults(
  deps: BatchDeps,
  manifest: DatasetManifest,
  record: BatchJobRecord,
  job: BatchJobView,
): Promise<BatchStep> {
  const wanted = new Set(record.imageIds);
  const outcomes = new Map<string, CaptionOutcome>();
  const tokens = { inputTokens: 0, outputTokens: 0 };
  await readResults(deps.client, job, deps.store.datasetDir(manifest.id), (key, line) => {
    if (key === null || !wanted.has(key)) return;
    const { outcome, tokens: t } = batchLineOutcome(key, record.model, manifest.trigger, line);
    outcomes.set(key, outcome);
    tokens.inputTokens += t.inputTokens;
    tokens.outputTokens += t.outputTokens;
  });

  const now = deps.clock.now();
  const changed: ImageEntry[] = [];
  const counts = { captioned: 0, failed: 0, blocked: 0, kept: 0 };
  let settledBefore = false;
  const written = await changeRecord(deps.store, manifest.id, record.displayName, (m) => {
    if (m.batch.settledAt !== null) {
      settledBefore = true; // another process (the app, the CLI) got there first
      return m;
    }
    const index = new Map(m.images.map((img, i) => [img.id, i]));
    const images = m.images.slice();
    for (const id of m.batch.imageIds) {
      const at = index.get(id);
      const image = at === undefined ? undefined : images[at];
      if (at === undefined || !image) continue;
      if (keepsUsersWork(image, m.batch)) {
        counts.kept++;
        continue;
      }
      const outcome = outcomes.get(id) ?? noResult(id, record.model);
      counts[outcome.status]++;
      images[at] = { ...image, ...outcomePatch(outcome, image, m.trigger, 'gemini') };
      changed.push(images[at]);
    }
    const files = job.resultsFile ? [...m.batch.uploadedFiles, job.resultsFile] : m.batch.uploadedFiles;
    const settledAt = new Date(now).toISOString();
    return {
      ...m,
      images,
      batch: { ...m.batch, state: 'succeeded', uploadedFiles: files, settledAt, checkedAt: settledAt },
    };
  });
  if (!written?.batch || settledBefore) return { status: null, finished: null };
  await deleteFilesAndClear(deps, manifest.id, written.batch);
  const summary = succeededSummary(record, now, counts, tokens);
  return { status: null, finished: { state: 'succeeded', summary, images: changed } };
}

/** Excluded since, or captioned by hand since the job was submitted: the user's work is not overwritten. */
function keepsUsersWork(image: ImageEntry, record: BatchJobRecord): boolean {
  if (image.excluded) return true;
  return image.captionSource === 'user' && record.typedCaptions[image.id] !== image.caption;
}

function noResult(id: string, model: string): CaptionOutcome {
  return {
    id,
    status: 'failed',
    error: 'The batch returned no result for this image. Caption it again to retry.',
    model,
  };
}

function succeededSummary(
  record: BatchJobRecord,
  now: number,
  counts: { captioned: number; failed: number; blocked: number; kept: number },
  tokens: { inputTokens: number; outputTokens: number },
): RunSummary {
  const cost = estimateCostUsd(record.model, tokens.inputTokens, tokens.outputTokens, { batch: true });
  const full = estimateCostUsd(record.model, tokens.inputTokens, tokens.outputTokens);
  const parts = [
    full !== null && cost !== null ? `Half price: $${(full - cost).toFixed(4)} saved against a normal run.` : '',
  ];
  if (counts.kept > 0) parts.push(`${counts.kept} image(s) you captioned or excluded meanwhile kept your work.`);
  const { kept: _, ...outcomes } = counts;
  return batchSummary(record, now, {
    status: 'completed',
    message: parts.filter(Boolean).join(' ') || null,
    ...outcomes,
    ...tokens,
    costUsd: cost ?? 0,
    costKnown: cost !== null,
  });
}
