import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, RunEstimate } from '../../src/shared/contract';
import type { DatasetManifest, ImageEntry } from '../../src/shared/dataset';
import type { ExportReport } from '../../src/shared/progress';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { copyFixtures, removeDir } from '../support/fixtures';
import { readZip } from '../support/zip';
import { type Harness, ok, refused, startHarness } from './handlers-harness';

/** The whole desktop journey through the handler table: real store, importer, captioner (fake Gemini), exporter. */

const TRIGGER = 'my_cat';

describe('backend handlers: create, import, caption, edit, export', () => {
  let gemini: FakeGemini;
  let h: Harness;
  let folder: string;
  let dataset: DatasetManifest;
  let generated = 0;

  beforeAll(async () => {
    // The first caption request is blocked by "safety"; everything else answers.
    gemini = await startFakeGemini({ latencyMs: 5, fault: () => (generated++ === 0 ? 'safety' : undefined) });
    h = await startHarness({ env: { GOOGLE_GEMINI_BASE_URL: gemini.url }, key: FAKE_API_KEY });
    folder = await copyFixtures(h.root);
  });
  afterAll(async () => {
    await h.backend.shutdown();
    await gemini.close();
    await removeDir(h.root);
  });

  const images = async () => (await ok<DatasetManifest>(h, 'openDataset', dataset.id)).images;
  const byPath = (list: ImageEntry[], rel: string) => list.find((i) => i.relPath === rel) as ImageEntry;

  it('creates a dataset from the app settings, validating the trigger word', async () => {
    const bad = await refused(h, 'createDataset', { trigger: 'my cat' });
    expect(bad.kind).toBe('validation');
    expect(bad.message).toMatch(/Trigger word/u);
    dataset = await ok<DatasetManifest>(h, 'createDataset', { trigger: TRIGGER, name: '  Cats ' });
    expect(dataset).toMatchObject({ name: 'Cats', trigger: TRIGGER, roots: [], images: [] });
    expect(dataset.settings.rpm).toBe(6000);
    const unnamed = await ok<DatasetManifest>(h, 'createDataset', { trigger: 'Other_1' });
    expect(unnamed.name).toBe('Other_1');
    await ok(h, 'deleteDataset', unnamed.id);
  });

  it('imports the dropped folder with progress events and the skipped files', async () => {
    expect((await refused(h, 'importPaths', dataset.id, ['relative/folder'])).kind).toBe('validation');
    const report = await ok<ImportReport>(h, 'importPaths', dataset.id, [folder]);
    expect(report.added).toBe(12);
    expect(report.total).toBe(12);
    expect(report.skipped.map((s) => s.reason).sort()).toEqual(
      ['corrupt', 'empty', 'not-an-image', 'not-an-image', 'too-many-pixels', 'too-small'].sort(),
    );
    const progress = h.of('importProgress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.datasetId === dataset.id)).toBe(true);
    expect(progress.at(-1)?.progress).toMatchObject({ phase: 'processing', done: 18, total: 18 });
    const again = await ok<DatasetManifest>(h, 'openDataset', dataset.id);
    expect(again.roots).toEqual([folder]);
  });

  it('estimates a run from the images that need a caption', async () => {
    const needs = await ok<RunEstimate>(h, 'estimateRun', dataset.id, {});
    expect(needs.images).toBe(11); // one image came with its caption file
    expect(needs.model).toBe('gemini-2.5-flash');
    expect(needs.costUsd).toBeGreaterThan(0);
    expect(needs.seconds).toBeGreaterThan(0);
    const all = await ok<RunEstimate>(h, 'estimateRun', dataset.id, { recaption: true });
    expect(all.images).toBe(12);
  });

  it('runs captioning with progress, image updates and a summary, persisting every caption', async () => {
    await ok(h, 'startRun', dataset.id, {});
    const second = await refused(h, 'startRun', dataset.id, {});
    expect(second.kind).toBe('validation');
    const { summary } = await h.next('runFinished', (e) => e.datasetId === dataset.id);
    expect(summary).toMatchObject({ status: 'completed', captioned: 10, blocked: 1, failed: 0, notAttempted: 0 });

    const updates = h.of('imageUpdated');
    expect(updates).toHaveLength(11);
    const progress = h.of('runProgress').at(-1)?.progress;
    expect(progress).toMatchObject({ total: 11, done: 10, blocked: 1, remaining: 0 });

    const saved = await images();
    for (const update of updates) expect(saved.find((i) => i.id === update.image.id)).toEqual(update.image);
    const blocked = saved.filter((i) => i.status === 'blocked');
    expect(blocked).toHaveLength(1);
    expect(saved.filter((i) => i.status === 'captioned')).toHaveLength(11);
    for (const img of saved.filter((i) => i.captionSource === 'model')) {
      expect(img.caption).toMatch(new RegExp(`^photo of ${TRIGGER} \\S`, 'u'));
    }
    // The run is over: a new one may start (nothing left to do, so it finishes at once).
    await ok(h, 'startRun', dataset.id, {});
    const empty = await h.next('runFinished', (e) => e.summary.captioned === 0 && e.summary.blocked === 0);
    expect(empty.summary.status).toBe('completed');
  });

  it('saves typed captions as typed (newlines folded, ends trimmed), even when they break the format', async () => {
    const list = await images();
    const blocked = list.find((i) => i.status === 'blocked') as ImageEntry;
    const fixed = await ok<ImageEntry>(
      h,
      'setCaption',
      dataset.id,
      blocked.id,
      `  photo of ${TRIGGER} a red\r\nkite \n`,
    );
    expect(fixed).toMatchObject({
      caption: `photo of ${TRIGGER} a red kite`,
      status: 'edited',
      captionSource: 'user',
      error: null,
      model: null,
    });
    const other = byPath(list, 'studio/motorcycle.png');
    const broken = await ok<ImageEntry>(h, 'setCaption', dataset.id, other.id, 'a motorcycle.');
    expect(broken).toMatchObject({ caption: 'a motorcycle.', status: 'edited' });
    expect(byPath(await images(), 'studio/motorcycle.png').caption).toBe('a motorcycle.');
    expect((await refused(h, 'setCaption', dataset.id, 'no_such_image', 'x')).kind).toBe('not-found');
  });

  it('refuses an export while a caption breaks the format, listing the image', async () => {
    const error = await refused(h, 'exportZip', dataset.id, join(h.root, 'refused.zip'));
    expect(error.kind).toBe('validation');
    const problems = (error.details as { problems: Array<{ relPath: string }> }).problems;
    expect(problems.map((p) => p.relPath)).toEqual(['studio/motorcycle.png']);
  });

  it('exports a ZIP of image + caption pairs (excluded images left out) and can show it', async () => {
    const list = await images();
    await ok(h, 'setExcluded', dataset.id, [byPath(list, 'studio/motorcycle.png').id], true);
    expect(byPath(await images(), 'studio/motorcycle.png').excluded).toBe(true);
    const out = join(h.root, 'my_cat_training.zip');
    const report = await ok<ExportReport>(h, 'exportZip', dataset.id, out);
    expect(report).toMatchObject({ path: out, images: 11 });
    expect(h.of('exportProgress').at(-1)?.progress).toMatchObject({ done: 11, total: 11 });

    const zip = await readZip(out);
    expect(zip.size).toBe(22);
    const saved = await images();
    for (const img of saved.filter((i) => !i.excluded)) {
      expect(zip.get(`${img.exportName}.txt`)?.toString('utf8')).toBe(img.caption);
    }
    expect(zip.get(`${byPath(saved, 'studio/motorcycle.png').exportName}.txt`)).toBeUndefined();

    await ok(h, 'showInFolder', out);
    expect(h.shellCalls).toContain(`show ${out}`);
    expect((await refused(h, 'showInFolder', '/etc/passwd')).kind).toBe('validation');
    const first = saved[0] as ImageEntry;
    await ok(h, 'openImage', dataset.id, first.id);
    await ok(h, 'showInFolder', first.source);
    expect(h.shellCalls).toEqual([`show ${out}`, `open ${first.source}`, `show ${first.source}`]);
  });

  it('answers the save dialog, settings and per-dataset settings', async () => {
    const settings = await ok<{ rpm: number; model: string }>(h, 'setSettings', { rpm: 42 });
    expect(settings.rpm).toBe(42);
    expect((await ok<{ rpm: number }>(h, 'getSettings')).rpm).toBe(42);
    expect((await ok<{ rpm: number }>(h, 'factorySettings')).rpm).toBe(10);
    expect((await refused(h, 'setSettings', { rpm: 0 })).kind).toBe('validation');
    const updated = await ok<DatasetManifest>(h, 'updateDatasetSettings', dataset.id, { concurrency: 2 });
    expect(updated.settings.concurrency).toBe(2);
    expect(updated.settings.rpm).toBe(6000);
    expect(await ok(h, 'chooseExportPath', 'my_cat_training.zip')).toBeNull();
  });
});
