import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../src/shared/dataset';
import { removeDir } from '../support/fixtures';
import { type Harness, ok, refused, startHarness } from './handlers-harness';

/** Guards on what the OS is handed: a renamed executable is never opened, an export never clobbers other files. */
describe('backend handlers: OS and export guards', () => {
  let h: Harness;
  afterEach(async () => {
    await h.backend.shutdown();
    await removeDir(h.root);
  });

  async function datasetWith(fileName: string): Promise<{ dataset: DatasetManifest; source: string }> {
    h = await startHarness();
    const folder = join(h.root, 'photos');
    await mkdir(folder);
    const source = join(folder, fileName);
    await sharp({ create: { width: 200, height: 150, channels: 3, background: '#3366aa' } })
      .png()
      .toFile(source);
    const dataset = await ok<DatasetManifest>(h, 'createDataset', { trigger: 'guard_test' });
    await ok(h, 'importPaths', dataset.id, [folder]);
    return { dataset: await ok<DatasetManifest>(h, 'openDataset', dataset.id), source };
  }

  it('reveals rather than opens an image whose name is not an image name (a PNG called .bat)', async () => {
    const { dataset, source } = await datasetWith('holiday.bat');
    const image = dataset.images[0];
    expect(image?.source).toBe(source);
    await ok(h, 'openImage', dataset.id, image?.id);
    expect(h.shellCalls).toEqual([`show ${source}`]);
  });

  it('refuses a ZIP export that is not named .zip or would replace a file that is not a ZIP', async () => {
    const { dataset } = await datasetWith('photo.png');
    expect((await refused(h, 'exportZip', dataset.id, join(h.root, 'notes.txt'))).kind).toBe('validation');
    const precious = join(h.root, 'precious.zip');
    await writeFile(precious, 'not a zip at all');
    expect((await refused(h, 'exportZip', dataset.id, precious)).kind).toBe('validation');
    expect(await readFile(precious, 'utf8')).toBe('not a zip at all');
    // An existing ZIP may be replaced (re-exporting to the same name is the normal case).
    const previous = join(h.root, 'previous.zip');
    await writeFile(previous, Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
    const refusal = await refused(h, 'exportZip', dataset.id, previous);
    // Refused only because the image has no caption yet, not because of the target.
    expect(refusal.message).toMatch(/caption/i);
  });
});
