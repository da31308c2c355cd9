import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateJpegs } from '../fake-gemini/test-kit';
import { photoWithGps } from './exif';

/**
 * A folder as a user brings one back to the CLI: photos with a `name.txt` caption beside each (imported as their
 * captions, so `export` and `train` need no captioning), one of them a phone photo with GPS tags. Each caption
 * file ends with a full stop, which the import takes off (captions end without punctuation).
 */
export async function captionedFolder(dir: string, trigger: string, count = 3): Promise<string> {
  await mkdir(dir, { recursive: true });
  const photos = await generateJpegs(dir, count);
  await writeFile(join(dir, 'phone.jpg'), await photoWithGps('jpeg'));
  for (const source of [...photos.map((p) => p.source), join(dir, 'phone.jpg')]) {
    await writeFile(source.replace(/\.jpg$/u, '.txt'), `photo of ${trigger} on the sofa by the window.`);
  }
  return dir;
}
