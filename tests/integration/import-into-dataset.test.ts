import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionStore, type SessionStore } from '../../src/core/datasets';
import { SAMPLE_SETTINGS } from '../../src/core/datasets/testing';
import { importIntoSession } from '../../src/core/workflow/import-into-dataset';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';

/** Dropping a folder into a session that already has it: nothing is imported twice, nothing typed is touched. */
describe('importIntoSession on a folder the session already has', () => {
  let work: string;
  let folder: string;
  let store: SessionStore;
  let sessionId: string;

  beforeEach(async () => {
    work = await tempDir();
    folder = await copyFixtures(work);
    store = createSessionStore({ dataDir: join(work, 'data') });
    const created = await store.create({
      name: 'Hall',
      trigger: 'ide_main_hall',
      roots: [],
      settings: SAMPLE_SETTINGS,
    });
    sessionId = created.id;
  });
  afterEach(() => removeDir(work));

  it('adds nothing when the same folder comes again, directly or through a symlinked path', async () => {
    const first = await importIntoSession(store, sessionId, [folder]);
    expect(first.added).toHaveLength(12);
    const edited = first.manifest.images[0];
    if (!edited) throw new Error('no image imported');
    await store.updateImage(sessionId, edited.id, {
      caption: 'photo of ide_main_hall typed by hand',
      captionSource: 'user',
      status: 'edited',
    });

    const again = await importIntoSession(store, sessionId, [folder]);
    expect(again.added).toEqual([]);
    await symlink(folder, join(work, 'alias'));
    const viaLink = await importIntoSession(store, sessionId, [join(work, 'alias')]);
    expect(viaLink.added).toEqual([]);
    // A single file through the link is recognised too.
    const oneFile = await importIntoSession(store, sessionId, [join(work, 'alias', 'IMG_0001.JPG')]);
    expect(oneFile.added).toEqual([]);

    const manifest = await store.load(sessionId);
    expect(manifest.images).toHaveLength(12);
    expect(manifest.images.find((i) => i.id === edited.id)).toMatchObject({
      caption: 'photo of ide_main_hall typed by hand',
      status: 'edited',
    });
  });
});
