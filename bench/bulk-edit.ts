// Bulk edits and undo at 5,000 captions: one step (one fsync'd journal line) against the same change saved as
// 5,000 single-caption saves, measured in the same run; then undo, redo, reopening, the history's reads.
// Usage: npx tsx bench/bulk-edit.ts [--images N]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatasetStore } from '../src/core/datasets';
import { createHistoryService } from '../src/core/history';
import { planBulkEdit } from '../src/shared/bulk-edit';
import { captionedDataset } from './_captioned-dataset';

const at = process.argv.indexOf('--images');
const IMAGES = at > 0 ? Number(process.argv[at + 1]) : 5000;
const TRIGGER = 'ide_main_hall';
/** Bulk edits of every caption after the first, so each image has several versions. */
const VERSIONS = 5;

const dataDir = await mkdtemp(join(tmpdir(), 'cs-bench-bulk-'));
const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const out = await work();
  return [out, performance.now() - t];
};
try {
  const { store, id } = await captionedDataset(dataDir, IMAGES, TRIGGER);
  const history = createHistoryService(store);
  const manifest = await store.load(id);
  const ids = manifest.images.map((i) => i.id);
  const edit = { kind: 'replace', find: 'wooden', replace: 'oak', wholeWord: true } as const;

  const t0 = performance.now();
  const preview = planBulkEdit(manifest.images, edit, TRIGGER);
  const previewMs = performance.now() - t0;
  const changes = preview.ok ? preview.changes.length : 0;

  const [applied, bulkMs] = await time(() => history.applyBulkEdit(id, edit, ids));
  const journalBytes = (await stat(join(store.datasetDir(id), 'journal.jsonl'))).size;
  const [undone, undoMs] = await time(() => history.undo(id));
  const [, redoMs] = await time(() => history.redo(id));
  const [, reopenMs] = await time(() => createDatasetStore({ dataDir }).load(id));
  const [, versionsMs] = await time(() =>
    createHistoryService(createDatasetStore({ dataDir })).imageHistory(id, ids[7] ?? ''),
  );
  const [, stateMs] = await time(() => history.undoState(id));

  // Baseline, same run: the same captions saved one by one, as typing them would (one fsync'd line each).
  const baseline = preview.ok ? preview.changes.map((c) => ({ ...c, after: c.after.replace(' oak ', ' teak ') })) : [];
  const [, baselineMs] = await time(async () => {
    for (const c of baseline) {
      await store.updateImage(id, c.imageId, { caption: c.after, captionSource: 'user', status: 'edited' });
    }
  });

  console.log(`dataset: ${IMAGES} captioned images; bulk replace changes ${changes} captions`);
  console.log(`preview (planBulkEdit in the page): ${previewMs.toFixed(1)} ms`);
  console.log(
    `applyBulkEdit, one step, durable: ${bulkMs.toFixed(1)} ms (${applied.images.length} captions, ` +
      `journal line ${(journalBytes / 1024).toFixed(0)} KiB)`,
  );
  console.log(`undo: ${undoMs.toFixed(1)} ms (${undone.images.length} captions); redo: ${redoMs.toFixed(1)} ms`);
  console.log(`baseline, the same captions saved one by one: ${baselineMs.toFixed(0)} ms`);
  console.log(`ratio baseline/bulk step: x${(baselineMs / bulkMs).toFixed(1)}`);
  console.log(
    `reopen (load with the journal replayed): ${reopenMs.toFixed(1)} ms; an image's versions from a fresh store: ` +
      `${versionsMs.toFixed(1)} ms; undo state: ${stateMs.toFixed(1)} ms`,
  );
  console.log(bulkMs < 1000 ? 'OK: a bulk edit of these captions saves in under a second' : 'SLOW: over a second');

  // Several versions of every caption: more bulk edits, folded into history.jsonl, then read by a fresh store.
  for (let round = 0; round < VERSIONS; round++) {
    await history.applyBulkEdit(id, { kind: 'add', text: `round ${round}`, at: 'end' }, ids);
  }
  await store.close();
  const historyBytes = (await stat(join(store.datasetDir(id), 'history.jsonl'))).size;
  const fresh = createDatasetStore({ dataDir });
  const [, openMs] = await time(() => fresh.load(id));
  const freshHistory = createHistoryService(fresh);
  const [versions, firstVersionsMs] = await time(() => freshHistory.imageHistory(id, ids[11] ?? ''));
  const [, againVersionsMs] = await time(() => freshHistory.imageHistory(id, ids[12] ?? ''));
  console.log(
    `with ${versions.length} versions of every caption (history.jsonl ${(historyBytes / 1024 / 1024).toFixed(1)} MiB): ` +
      `open ${openMs.toFixed(1)} ms (the history is not read); first history read ${firstVersionsMs.toFixed(0)} ms, ` +
      `then ${againVersionsMs.toFixed(1)} ms (only what was appended since is read)`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
