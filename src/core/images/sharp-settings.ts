import sharp from 'sharp';

/**
 * libvips' operation cache (50 MB by default) only pays off when the same image is processed again; an import
 * touches each file once, so caching just holds decoded pixels and file handles. Turning it off keeps memory
 * flat however many files are imported. (Per-image thread count stays sharp's default: on glibc Linux that is
 * 1, which suits us since we already process one image per core.)
 */
let applied = false;

export function applyBatchSharpSettings(): void {
  if (applied) return;
  applied = true;
  sharp.cache(false);
}
