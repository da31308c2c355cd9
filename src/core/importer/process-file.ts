import type { SkippedFile } from '../../shared/dataset';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../fs';
import { perceptualHash, type RenderedThumbnail, renderThumbnail, thumbnailPath } from '../images';
import { imageIdFor } from './image-id';
import { checkSize, corrupt, probeImage } from './probe';
import { readFailure, skipped, unreadable } from './skip';
import { readHead, sniff } from './sniff';
import type { ImportedImage } from './types';
import type { WalkedFile } from './walk';

/**
 * One file, from bytes on disk to an imported image with its thumbnail, or to a reason it was skipped. Cheap
 * checks run first (size, magic bytes, header) so only files that pass them are ever decoded.
 */

export type FileOutcome =
  | { kind: 'image'; image: Omit<ImportedImage, 'sidecarCaption'> }
  | { kind: 'skipped'; skipped: SkippedFile };

const skip = (s: SkippedFile): FileOutcome => ({ kind: 'skipped', skipped: s });

function notAnImage(path: string, what: string | null): FileOutcome {
  return skip(skipped(path, 'not-an-image', what ? `Not an image: this is ${what}.` : 'Not an image file.'));
}

export async function processFile(file: WalkedFile, thumbsDir: string): Promise<FileOutcome> {
  const { path } = file;
  if (file.bytes === 0) return skip(skipped(path, 'empty', 'The file is empty (0 bytes).'));
  let head: Uint8Array;
  try {
    head = await readHead(path);
  } catch (err) {
    return skip(unreadable(path, err));
  }
  const sniffed = sniff(head, path);
  if (sniffed.kind === 'not-image') return notAnImage(path, sniffed.what);
  if (sniffed.kind === 'unsupported') {
    const message = `${sniffed.name} images are not supported. Convert it to JPEG or PNG to use it.`;
    return skip(skipped(path, 'unsupported-format', message));
  }
  const probed = await probeImage(path, sniffed.format);
  if ('reason' in probed) return skip(probed);

  let thumb: RenderedThumbnail;
  try {
    thumb = await renderThumbnail(path, probed.format);
  } catch {
    return skip(await readFailure(path, corrupt(path)));
  }
  // The decoder has the last word on dimensions (HEIC transforms are applied while decoding).
  const sizeProblem = checkSize(path, thumb.width, thumb.height);
  if (sizeProblem) return skip(sizeProblem);
  const id = imageIdFor(path);
  try {
    // A thumbnail is a cache: atomic (never half-written) but not fsynced, so thousands import quickly.
    await writeFileAtomic(thumbnailPath(thumbsDir, id), thumb.jpeg, { durable: false });
  } catch (err) {
    // A thumbnail that cannot be written is a disk problem, not this image's fault: it stops the import.
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new AppError('io', `Could not save thumbnails (${code}). Check that the disk is not full.`);
  }
  const { format, orientation, hasAlpha, takenAt } = probed;
  const { relPath, bytes, mtimeMs } = file;
  const image = {
    id,
    source: path,
    relPath,
    format,
    width: thumb.width,
    height: thumb.height,
    orientation,
    hasAlpha,
    bytes,
    mtimeMs,
    takenAt,
    phash: await perceptualHash(thumb.jpeg),
  };
  return { kind: 'image', image };
}
