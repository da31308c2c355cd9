import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixtures, removeDir, tempDir } from '../../../tests/support/fixtures';
import type { ImageEntry } from '../../shared/dataset';
import { createDatasetStore, type DatasetStore } from '../datasets';
import { thumbnailPath } from '../images';
import { defaultSettings, importIntoDataset } from '../workflow';
import { createMediaService } from './media-service';
import { PREVIEW_LONG_SIDE } from './render';
import type { MediaService } from './types';

describe('media service', () => {
  let root: string;
  let store: DatasetStore;
  let media: MediaService;
  let sid: string;
  let otherSid: string;
  let images: ImageEntry[];
  const image = (rel: string) => images.find((i) => i.relPath === rel) as ImageEntry;

  beforeAll(async () => {
    root = await tempDir('caption-studio-media-');
    const folder = await copyFixtures(root);
    store = createDatasetStore({ dataDir: join(root, 'data') });
    const init = { name: 'cats', trigger: 'my_cat', roots: [], settings: defaultSettings() };
    sid = (await store.create(init)).id;
    otherSid = (await store.create(init)).id;
    images = (await importIntoDataset(store, sid, [folder])).manifest.images;
    media = createMediaService(store);
  });
  afterAll(() => removeDir(root));

  it('serves the thumbnail the importer wrote, and renders it again when it went missing', async () => {
    const img = image('IMG_0001.JPG');
    const expected = thumbnailPath(store.thumbsDir(sid), img.id);
    expect(await media.resolve('thumb', sid, img.id)).toEqual({ path: expected, mimeType: 'image/jpeg' });
    await rm(expected);
    expect(await media.resolve('thumb', sid, img.id)).toEqual({ path: expected, mimeType: 'image/jpeg' });
    const meta = await sharp(expected).metadata();
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(400);
  });

  it('renders an upright sRGB preview once, inside the dataset folder, and reuses it', async () => {
    const img = image('studio/rotated-exif6.jpg');
    const file = await media.resolve('preview', sid, img.id);
    expect(file?.path).toBe(join(store.datasetDir(sid), 'previews', `${img.id}.jpg`));
    const meta = await sharp(file?.path).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.orientation ?? 1).toBe(1);
    expect(meta.space).toBe('srgb');
    // Upright: same aspect as the entry's upright dimensions (portrait for this EXIF-6 landscape file).
    expect(meta.height > meta.width).toBe(img.height > img.width);
    expect(Math.max(meta.width, meta.height)).toBe(Math.min(PREVIEW_LONG_SIDE, Math.max(img.width, img.height)));
    const before = (await stat(file?.path as string)).mtimeMs;
    expect(await media.resolve('preview', sid, img.id)).toEqual(file);
    expect((await stat(file?.path as string)).mtimeMs).toBe(before);
  });

  it('renders previews of formats browsers cannot show (HEIC, CMYK)', async () => {
    for (const rel of ['studio/iphone.heic', 'studio/cmyk.jpg']) {
      const file = await media.resolve('preview', sid, image(rel).id);
      const meta = await sharp(file?.path).metadata();
      expect(meta.space, rel).toBe('srgb');
    }
  });

  it('serves nothing for foreign, unknown or malformed ids', async () => {
    const img = image('IMG_0001.JPG');
    expect(await media.resolve('thumb', otherSid, img.id)).toBeNull();
    expect(await media.resolve('preview', otherSid, img.id)).toBeNull();
    expect(await media.resolve('thumb', sid, 'no_such_image')).toBeNull();
    expect(await media.resolve('thumb', 'no-such-dataset', img.id)).toBeNull();
    for (const bad of ['../x', '..', 'a/b', '', `..%2F${img.id}`]) {
      expect(await media.resolve('thumb', sid, bad)).toBeNull();
      expect(await media.resolve('thumb', bad, img.id)).toBeNull();
    }
    expect(await media.resolve('other' as 'thumb', sid, img.id)).toBeNull();
  });

  it('answers null when a preview cannot be made because the source is gone', async () => {
    const img = image('studio/motorcycle.png');
    await rm(img.source);
    expect(await media.resolve('preview', sid, img.id)).toBeNull();
  });
});
