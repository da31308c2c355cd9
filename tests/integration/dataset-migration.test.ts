import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatasetStore } from '../../src/core/datasets';
import { FAKE_API_KEY, startFakeGemini } from '../fake-gemini';
import { cliEnv, runCli } from '../support/cli';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';
import { readZip } from '../support/zip';

/** A data folder written by version 0.1.0 (see tests/fixtures/README.md). */
const OLD_DATA = resolve(import.meta.dirname, '../fixtures/data-v0.1.0');
const ID = '20261204-224509-drcn97';
const OLD_PHOTOS = '/tmp/v01/photos';
const TYPED = 'photo of ide_main_hall a red motorcycle typed by the student';

let work: string;
let dataDir: string;

beforeEach(async () => {
  work = await tempDir('cs-migration-');
  dataDir = join(work, 'data');
  await cp(OLD_DATA, dataDir, { recursive: true });
});
afterEach(() => removeDir(work));

describe('a data folder written by version 0.1.0', () => {
  it('moves to datasets/ on first open and keeps every caption, the typed one and the exclusion', async () => {
    const store = createDatasetStore({ dataDir });
    const [summary, ...others] = await store.list();
    expect(others).toEqual([]);
    expect(summary).toMatchObject({ id: ID, trigger: 'ide_main_hall' });
    expect(await readdir(dataDir)).toEqual(['datasets']);
    expect((await readdir(join(dataDir, 'datasets', ID))).sort()).toEqual(['journal.jsonl', 'manifest.json', 'thumbs']);

    const m = await store.load(ID);
    expect(m.images).toHaveLength(12);
    const by = (rel: string) => m.images.find((i) => i.relPath === rel);
    expect(by('studio/motorcycle.png')).toMatchObject({ caption: TYPED, captionSource: 'user', status: 'edited' });
    expect(by('studio/gray16.png')?.excluded).toBe(true);
    expect(by('Vacation 2025/IMG_0002.jpeg')?.captionSource).toBe('imported');
    expect(m.images.filter((i) => i.captionSource === 'model')).toHaveLength(10);
    expect((await readdir(store.thumbsDir(ID))).length).toBe(12);

    // It is an ordinary dataset now: writable, and a second store (the next start) moves nothing again.
    await store.updateImage(ID, by('IMG_0001.JPG')?.id ?? '', { excluded: true });
    await store.close();
    const again = await createDatasetStore({ dataDir }).load(ID);
    expect(again.images.filter((i) => i.excluded)).toHaveLength(2);
    expect(await readdir(dataDir)).toEqual(['datasets']);
  });

  it('keeps a same-id dataset already under datasets/ and leaves the old copy where it was', async () => {
    await cp(join(dataDir, 'sessions', ID), join(dataDir, 'datasets', ID), { recursive: true });
    const store = createDatasetStore({ dataDir });
    expect((await store.list()).map((s) => s.id)).toEqual([ID]);
    expect(await readdir(join(dataDir, 'sessions'))).toEqual([ID]);
  });

  it('is resumed by the CLI for the same folder and trigger: nothing is sent again, the typed caption is exported', async () => {
    // The user's photos at the path the old manifest recorded: a copy of the fixtures, and the paths moved there.
    const photos = await copyFixtures(work, 'photos');
    const manifestPath = join(dataDir, 'sessions', ID, 'manifest.json');
    const text = await readFile(manifestPath, 'utf8');
    await writeFile(manifestPath, text.replaceAll(OLD_PHOTOS, photos));

    const gemini = await startFakeGemini();
    try {
      const out = join(work, 'out.zip');
      const env = cliEnv({
        GEMINI_API_KEY: FAKE_API_KEY,
        GOOGLE_GEMINI_BASE_URL: gemini.url,
        CAPTION_STUDIO_DATA_DIR: dataDir,
      });
      const run = await runCli(['caption', photos, '--trigger', 'ide_main_hall', '--out', out, '--json'], env);
      expect(run.code, run.stderr).toBe(0);
      const json = JSON.parse(run.stdout) as { datasetId: string; sessionId: string };
      expect(json.datasetId).toBe(ID);
      expect(json.sessionId).toBe(ID); // the 0.1 field name keeps working
      expect(gemini.requests.filter((r) => r.kind === 'generateContent')).toHaveLength(0);
      const zip = await readZip(out);
      expect(zip.size).toBe(22); // 12 images, one excluded: 11 pairs
      expect(zip.get('motorcycle.txt')?.toString('utf8')).toBe(TYPED);
    } finally {
      await gemini.close();
    }
  });
});
