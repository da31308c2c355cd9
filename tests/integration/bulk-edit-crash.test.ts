import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatasetStore } from '../../src/core/datasets';
import { SAMPLE_SETTINGS, sampleImages } from '../../src/core/datasets/testing';
import { createHistoryService } from '../../src/core/history';
import { removeDir, tempDir } from '../support/fixtures';

const REPO = resolve(import.meta.dirname, '../..');
const T = 'sks_person';
const IMAGES = 2000;

let root: string;
let dataDir: string;
beforeEach(async () => {
  root = await tempDir('cs-bulk-crash-');
  dataDir = join(root, 'data');
});
afterEach(() => removeDir(root));

/**
 * A process applying 2,000-caption bulk edits one after another (the journal compacted every few steps, so the
 * kill can land while steps move into history.jsonl) is killed with SIGKILL. Every acknowledged step must be
 * there, whole: all captions from the same step (none half-applied), each acknowledged step once in the history.
 */
describe('bulk edits and a crash', () => {
  it('keeps every acknowledged bulk edit whole and once in the history after SIGKILL', async () => {
    const store = createDatasetStore({ dataDir });
    const m = await store.create({ name: 'Crash', trigger: T, roots: ['/p'], settings: SAMPLE_SETTINGS });
    const images = sampleImages(IMAGES, T).map((img, i) => ({ ...img, caption: `photo of ${T} view ${i} round 0` }));
    await store.save({ ...m, images });
    const script = join(root, 'bulk.mts');
    await writeFile(script, bulkScript());
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, m.id], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const acked: string[] = [];
    const killAfter = 5 + Math.floor(Math.random() * 5);
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    for await (const line of createInterface({ input: child.stdout })) {
      const [tag, step] = line.split(' ');
      if (tag === 'ack' && step) acked.push(step);
      if (acked.length >= killAfter && !child.killed) child.kill('SIGKILL');
    }
    expect(await exited, stderr).toBe('SIGKILL');

    const after = createDatasetStore({ dataDir });
    const rounds = new Set((await after.load(m.id)).images.map((i) => /round (\d+)$/u.exec(i.caption ?? '')?.[1]));
    expect(rounds.size, 'every caption from the same step').toBe(1);
    expect(Number([...rounds][0])).toBeGreaterThanOrEqual(acked.length);
    const steps = (await after.history(m.id)).map((e) => e.step.id);
    for (const id of acked) expect(steps.filter((s) => s === id)).toHaveLength(1);
    const undo = await createHistoryService(after).undoState(m.id);
    expect(undo.undo[0]?.action).toBe('bulk-replace');
  });
});

function bulkScript(): string {
  const datasets = JSON.stringify(join(REPO, 'src/core/datasets/index.ts'));
  const history = JSON.stringify(join(REPO, 'src/core/history/index.ts'));
  return `
import { createDatasetStore } from ${datasets};
import { createHistoryService } from ${history};
const [dataDir, id] = process.argv.slice(2);
const store = createDatasetStore({ dataDir }, undefined, { compactAfter: 3 });
const history = createHistoryService(store);
const ids = (await store.load(id)).images.map((i) => i.id);
for (let round = 1; round < 1000; round++) {
  const edit = { kind: 'replace', find: 'round \\\\d+$', replace: 'round ' + round, regex: true };
  const result = await history.applyBulkEdit(id, edit, ids);
  process.stdout.write('ack ' + result.step.id + '\\n');
}
`;
}
