import exifReader from 'exif-reader';

/**
 * When a photo was taken, from its EXIF DateTimeOriginal (the shutter press; DateTime is when software last
 * saved it, so it is not used). Cameras write local time without a zone: it is kept as written,
 * `2024-05-01T14:03:22`, which sorts correctly as text. Null when absent or unreadable.
 */
export function takenAtFrom(exif: Buffer | undefined): string | null {
  if (!exif) return null;
  let date: Date | undefined;
  try {
    date = exifReader(exif).Photo?.DateTimeOriginal;
  } catch {
    return null; // damaged EXIF is no reason to refuse a photo
  }
  // exif-reader reads the camera's local time as if it were UTC, so the UTC fields are the camera's fields.
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 19);
}
