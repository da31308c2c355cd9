import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp from 'sharp';
import { exifTags, GPS_IFD, pixels } from '../support/exif';
import { readZip } from '../support/zip';
import { expectNoViolations } from './support/axe';
import { answerPathPrompt, createDataset, dialog } from './support/flows';
import { writePhotos } from './support/photos';
import { expect, snap, test } from './support/test';

/**
 * Export… with every preset through the preview, each output read back the way its trainer reads it: Replicate's
 * flat ZIP (location data gone, pixels untouched), ai-toolkit's config.yaml parsed and pointing at its folder,
 * kohya's `{repeats}_{trigger} {class}` folder, Hugging Face's metadata.jsonl, and captions written next to the
 * photos with the older caption file kept as .bak. The dialog opens again at the last preset. (The dataset check
 * runs before each export: its warnings about these small photos are passed with "Export anyway".)
 */

// Another YAML parser than the `yaml` library that wrote the config (js-yaml is untyped here).
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const TRIGGER = 'exp_test';
const caption = (n: number) => `photo of ${TRIGGER} a coloured card with a band, view ${n}`;
const stem = (name: string) => name.replace(/\.jpg$/u, '');

test('every preset, read back as its trainer reads it', async ({ app: page, workdir }) => {
  const folder = join(workdir, 'photos');
  const names = await writePhotos(folder, 3);
  // The first photo says where it was taken, as a phone's does.
  const first = join(folder, names[0] ?? '');
  const located = await sharp(await readFile(first))
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: GPS_IFD })
    .jpeg({ quality: 90 })
    .toBuffer();
  await writeFile(first, located);
  for (const [i, name] of names.entries()) await writeFile(join(folder, `${stem(name)}.txt`), caption(i + 1));

  const report = await createDataset(page, TRIGGER, folder);
  await expect(report).toHaveAccessibleName('3 images added');
  await report.getByRole('button', { name: 'Start reviewing' }).click();

  const options = dialog(page, /^Export$/u);
  const open = async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    // Three small photos: the dataset check says so first (low resolution, too few), and the user goes on.
    const check = page.getByRole('region', { name: 'Dataset check' });
    await check.getByRole('button', { name: 'Export anyway' }).click();
    await expect(options).toBeVisible();
  };
  const finish = async (title = 'Export complete') => {
    const done = dialog(page, title);
    await expect(done).toBeVisible();
    return done;
  };

  await test.step('Replicate: one flat ZIP of pairs, GPS removed, the pixels untouched', async () => {
    await open();
    await expect(options.getByRole('radio', { name: /^Replicate \/ fal/u })).toBeChecked();
    await expect(options.getByRole('checkbox', { name: 'Remove location data (GPS)' })).toBeChecked();
    await snap(page, 'export-options-replicate');
    await expectNoViolations(page, 'export options');
    await options.getByRole('button', { name: 'Export ZIP…' }).click();
    await answerPathPrompt(page, 'Save as', join(workdir, 'replicate.zip'));
    const done = await finish();
    await expect(done).toContainText('3 images with captions · Replicate / fal');
    await expect(done).toContainText('location removed from 1');
    await snap(page, 'export-complete-replicate');
    await expectNoViolations(page, 'export complete');
    await done.getByRole('button', { name: 'Done' }).click();

    const zip = await readZip(join(workdir, 'replicate.zip'));
    expect([...zip.keys()].sort()).toEqual(names.flatMap((n) => [n, `${stem(n)}.txt`]).sort());
    expect(zip.get(`${stem(names[1] ?? '')}.txt`)?.toString('utf8')).toBe(caption(2));
    const exported = zip.get(names[0] ?? '') ?? Buffer.alloc(0);
    const tags = await exifTags(exported);
    expect(tags.filter((t) => t.ifd === 'GPS')).toEqual([]);
    expect(tags.some((t) => t.ifd === 'IFD0' && t.tag === 0x010f)).toBe(true); // Make is still there
    expect((await pixels(exported)).equals(await pixels(located))).toBe(true);
  });

  await test.step('ai-toolkit: dataset/ and a config.yaml pointing at it, with the trigger', async () => {
    await open();
    await options.getByRole('radio', { name: /^ai-toolkit/u }).click();
    await expect(options.getByRole('button', { name: 'Folder', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(options.getByRole('figure', { name: 'What gets written' })).toContainText('config.yaml');
    await options.getByRole('button', { name: 'Export to folder…' }).click();
    const out = join(workdir, 'ai-toolkit');
    await answerPathPrompt(page, 'Choose a folder', out);
    await (await finish()).getByRole('button', { name: 'Done' }).click();

    const config = load(await readFile(join(out, 'config.yaml'), 'utf8')) as {
      config: { process: { trigger_word: string; datasets: { folder_path: string }[] }[] };
    };
    const process = config.config.process[0];
    expect(process?.trigger_word).toBe(TRIGGER);
    expect(process?.datasets[0]?.folder_path).toBe(join(out, 'dataset'));
    expect((await readdir(join(out, 'dataset'))).sort()).toEqual(names.flatMap((n) => [n, `${stem(n)}.txt`]).sort());
  });

  await test.step('kohya: a ZIP with the repeats, the trigger and the class word in its folder name', async () => {
    await open();
    await options.getByRole('radio', { name: /^kohya/u }).click();
    await options.getByRole('button', { name: 'ZIP file' }).click();
    await options.getByRole('textbox', { name: 'Repeats' }).fill('5');
    await options.getByRole('textbox', { name: 'Class word' }).fill('card');
    await expect(options.getByRole('figure', { name: 'What gets written' })).toContainText(
      `5_${TRIGGER} card/${names[0]}`,
    );
    await snap(page, 'export-options-kohya');
    await expectNoViolations(page, 'export options, kohya');
    await options.getByRole('button', { name: 'Export ZIP…' }).click();
    await answerPathPrompt(page, 'Save as', join(workdir, 'kohya.zip'));
    await (await finish()).getByRole('button', { name: 'Done' }).click();

    const zip = await readZip(join(workdir, 'kohya.zip'));
    const dir = `5_${TRIGGER} card`;
    expect([...zip.keys()].sort()).toEqual(names.flatMap((n) => [`${dir}/${n}`, `${dir}/${stem(n)}.txt`]).sort());
  });

  await test.step('Hugging Face: train/ with the images and metadata.jsonl of file_name and text', async () => {
    await open();
    await options.getByRole('radio', { name: /^Hugging Face/u }).click();
    await options.getByRole('button', { name: 'Export to folder…' }).click();
    const out = join(workdir, 'hf');
    await answerPathPrompt(page, 'Choose a folder', out);
    await (await finish()).getByRole('button', { name: 'Done' }).click();

    const lines = (await readFile(join(out, 'train', 'metadata.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(names.map((n, i) => ({ file_name: n, text: caption(i + 1) })));
    expect((await readdir(join(out, 'train'))).sort()).toEqual([...names, 'metadata.jsonl'].sort());
  });

  await test.step('next to the photos: every caption file written listed, a different one kept as .bak', async () => {
    // The first photo's caption file already holds its caption; the second has none; the third another text.
    const missing = join(folder, `${stem(names[1] ?? '')}.txt`);
    await rm(missing);
    const changed = join(folder, `${stem(names[2] ?? '')}.txt`);
    await writeFile(changed, 'an older caption written by hand');
    await open();
    await options.getByRole('radio', { name: /^Next to the photos/u }).click();
    await expect(options.getByRole('checkbox', { name: 'Remove location data (GPS)' })).toHaveCount(0);
    await options.getByRole('button', { name: 'Write captions' }).click();
    const done = await finish('Captions written');
    await expect(done).toContainText(
      '2 caption files written next to the photos · 1 older caption file kept as .bak · 1 already up to date',
    );
    const written = done.getByRole('region', { name: '2 caption files written' });
    await expect(written.getByRole('listitem')).toHaveText([missing, changed]);
    await expect(done.getByRole('region', { name: '1 older caption file kept as .bak' })).toContainText(
      `${changed}.bak`,
    );
    await snap(page, 'export-beside-written');
    await expectNoViolations(page, 'captions written next to the photos');
    await done.getByRole('button', { name: 'Done' }).click();

    expect(await readFile(missing, 'utf8')).toBe(caption(2));
    expect(await readFile(changed, 'utf8')).toBe(caption(3));
    expect(await readFile(`${changed}.bak`, 'utf8')).toBe('an older caption written by hand');
  });

  await test.step('the dialog opens again at the last preset', async () => {
    await open();
    await expect(options.getByRole('radio', { name: /^Next to the photos/u })).toBeChecked();
  });
});
