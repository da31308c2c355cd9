import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import * as thumbnail from '../images';
import { processFile } from './process-file';
import { stemKey } from './sidecar';
import type { WalkedFile } from './walk';

// Spy on the decoder entry point to prove which files are ever decoded.
vi.mock('../images', async (importOriginal) => {
  const original = await importOriginal<typeof thumbnail>();
  return { ...original, renderThumbnail: vi.fn(original.renderThumbnail) };
});

const STUDIO = '/work/shared/fixtures/dropped-folder/studio';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'importer-process-'));
  vi.mocked(thumbnail.renderThumbnail).mockClear();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function walked(path: string): Promise<WalkedFile> {
  const st = await stat(path);
  const name = basename(path);
  return {
    path,
    realPath: path,
    relPath: name,
    bytes: st.size,
    mtimeMs: st.mtimeMs,
    stemKey: stemKey(dir, name),
    sidecar: null,
    isCaptionCandidate: false,
  };
}

describe('processFile', () => {
  it('imports an image and writes its thumbnail', async () => {
    const outcome = await processFile(await walked(`${STUDIO}/rotated-exif6.jpg`), dir);
    expect(outcome).toMatchObject({
      kind: 'image',
      image: { format: 'jpeg', width: 600, height: 400, orientation: 6, hasAlpha: false, relPath: 'rotated-exif6.jpg' },
    });
    if (outcome.kind !== 'image') throw new Error('unreachable');
    const thumb = await sharp(thumbnail.thumbnailPath(dir, outcome.image.id)).metadata();
    expect(thumb).toMatchObject({ width: 400, height: 267 });
  });

  it('never decodes the pixel bomb: it is refused from its header', async () => {
    const outcome = await processFile(await walked(`${STUDIO}/pixel-bomb.png`), dir);
    expect(outcome).toMatchObject({ kind: 'skipped', skipped: { reason: 'too-many-pixels' } });
    expect(thumbnail.renderThumbnail).not.toHaveBeenCalled();
  });

  it('only decodes files that passed the cheap checks', async () => {
    for (const name of ['empty.jpg', 'not-really.png', 'tiny-64px.png', 'truncated.jpg']) {
      await processFile(await walked(`${STUDIO}/${name}`), dir);
    }
    expect(thumbnail.renderThumbnail).not.toHaveBeenCalled();
  });

  it('reports a JPEG truncated after a valid header as corrupt (found while making the thumbnail)', async () => {
    const full = await sharp({
      create: {
        width: 640,
        height: 480,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg()
      .toBuffer();
    const path = join(dir, 'cut.jpg');
    await writeFile(path, full.subarray(0, Math.floor(full.length * 0.6)));
    expect(await processFile(await walked(path), dir)).toEqual({
      kind: 'skipped',
      skipped: { path, reason: 'corrupt', message: 'The image is damaged or incomplete and could not be read.' },
    });
    expect(thumbnail.renderThumbnail).toHaveBeenCalledOnce();
  });

  it('explains unsupported formats', async () => {
    const path = join(dir, 'scan.bmp');
    const header = [0x42, 0x4d, 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0];
    await writeFile(path, Buffer.from(header));
    expect(await processFile(await walked(path), dir)).toMatchObject({
      skipped: {
        reason: 'unsupported-format',
        message: 'BMP images are not supported. Convert it to JPEG or PNG to use it.',
      },
    });
  });

  it('fails the whole import with an io AppError when thumbnails cannot be written', async () => {
    const notADir = join(dir, 'file');
    await writeFile(notADir, '');
    const error = await processFile(await walked(`${STUDIO}/motorcycle.png`), notADir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'io' });
  });
});
