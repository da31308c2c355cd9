import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writePhotos } from './photos';

/**
 * Photos with a `.txt` caption beside each, imported as their captions: a dataset to edit without a model run.
 * `caption(i)` gives the text after `photo of {trigger} ` for the i-th photo (null: no caption file).
 */
export async function writeCaptionedPhotos(
  dir: string,
  trigger: string,
  count: number,
  caption: (i: number) => string | null,
): Promise<string[]> {
  const names = await writePhotos(dir, count);
  await Promise.all(
    names.map((name, i) => {
      const text = caption(i);
      return text === null
        ? null
        : writeFile(join(dir, name.replace(/\.jpg$/u, '.txt')), `photo of ${trigger} ${text}`);
    }),
  );
  return names;
}
