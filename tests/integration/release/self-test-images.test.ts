import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSelfTestImages } from '../../../scripts/make-self-test-images';
import { SAMPLE_IMAGES } from '../../../src/core/self-test';
import type { ImageFormat } from '../../../src/shared/dataset';
import { REPO } from './load-builder-config';

/** How libvips names each format in metadata (HEIC and AVIF are both HEIF containers, told apart by codec). */
const EXPECTED = {
  jpeg: { format: 'jpeg' },
  png: { format: 'png' },
  webp: { format: 'webp' },
  heic: { format: 'heif', compression: 'hevc' },
  avif: { format: 'heif', compression: 'av1' },
  tiff: { format: 'tiff' },
  gif: { format: 'gif' },
} as const satisfies Record<ImageFormat, { format: string; compression?: string }>;
/** Tiny means tiny: every sample but the copied HEIC is a few hundred bytes. */
const MAX_BYTES = 16 * 1024;

async function expectSampleSet(dir: string): Promise<void> {
  for (const [format, { file, width, height }] of Object.entries(SAMPLE_IMAGES)) {
    const path = join(dir, file);
    expect(statSync(path).size, file).toBeLessThan(MAX_BYTES);
    const meta = await sharp(path).metadata();
    expect(meta, file).toMatchObject({ ...EXPECTED[format as ImageFormat], width, height });
  }
}

describe('self-test sample images', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'caption-studio-samples-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('the committed set holds one tiny image per supported format, of the size the self-test expects', async () => {
    await expectSampleSet(join(REPO, 'resources', 'self-test'));
  });

  it('scripts/make-self-test-images.ts writes the same set', async () => {
    await makeSelfTestImages(scratch);
    await expectSampleSet(scratch);
  });
});
