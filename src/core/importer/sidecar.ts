import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/**
 * Existing captions: `name.txt` beside `name.jpg` (same folder, same stem) is that image's caption, the layout
 * every LoRA trainer uses. Dropping a previously exported dataset therefore brings its captions back.
 */

export const isTextFileName = (name: string): boolean => extname(name).toLowerCase() === '.txt';

/** The name without its last extension: `rocket launch.jpg` -> `rocket launch`. */
export function stemOf(name: string): string {
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** Identifies "this stem in this folder", shared by an image and the .txt that captions it. */
export const stemKey = (dir: string, name: string): string => `${dir}\0${stemOf(name)}`;

/** The sidecar among `siblingNames` for image `name`, as an absolute path, or null. */
export function findSidecar(dir: string, name: string, siblingNames: readonly string[]): string | null {
  const stem = stemOf(name);
  const match = siblingNames.find((s) => s !== name && isTextFileName(s) && stemOf(s) === stem);
  return match === undefined ? null : join(dir, match);
}

/** Caption text as trainers expect it: one line, no BOM, no stray whitespace. Empty means "no caption". */
export function cleanCaption(raw: string): string | null {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/[ \t]*(?:\r\n|\r|\n)+[ \t]*/g, ' ')
    .trim();
  return text === '' ? null : text;
}

/** Decodes caption bytes: UTF-8 (with or without BOM), or UTF-16 as Windows Notepad saves "Unicode" files. */
export function decodeCaptionBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

export async function readSidecar(path: string): Promise<string | null> {
  return cleanCaption(decodeCaptionBytes(await readFile(path)));
}
