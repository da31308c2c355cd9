/**
 * Operating-system clutter that rides along when a folder is dragged out of Finder or Explorer. None of it is
 * something the user meant to import, so it is ignored silently rather than reported as a skipped file.
 */

/** Exact file names (compared case-insensitively: Windows and macOS file systems usually are). */
const JUNK_FILES = new Set(['thumbs.db', 'ehthumbs.db', 'ehthumbs_vista.db', 'desktop.ini', 'icon\r']);

/** Folders that only ever hold OS bookkeeping (zip extractions on macOS, Windows recycle bins). */
const JUNK_DIRS = new Set(['__macosx', '$recycle.bin', 'system volume information']);

/**
 * True when a directory entry found while walking a folder should be ignored: hidden entries (`.DS_Store`,
 * `._IMG_0001.JPG` AppleDouble files, `.git`, `.thumbnails`...) and the known junk names above.
 */
export function isJunkEntry(name: string, isDirectory: boolean): boolean {
  if (name.startsWith('.')) return true;
  const lower = name.toLowerCase();
  return isDirectory ? JUNK_DIRS.has(lower) : JUNK_FILES.has(lower);
}

/**
 * True when a file the user dropped explicitly is still junk. Explicit choices get the benefit of the doubt for
 * merely hidden names (someone may really want `.cover.jpg`), but Finder metadata is never an image.
 */
export function isJunkDroppedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === '.ds_store' || lower.startsWith('._') || JUNK_FILES.has(lower);
}
