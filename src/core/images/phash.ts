import sharp from 'sharp';

/**
 * A 64-bit perceptual hash (pHash, as `imagehash.phash` computes it): the image in greyscale at 32 × 32, its 2-D
 * DCT, and one bit per coefficient of the lowest 8 × 8 frequencies, set when above their median. Resizing,
 * re-encoding, small crops and colour shifts move a few bits; a different photo moves about half of them.
 * Computed from the import's thumbnail (already upright, alpha flattened), so it costs no second decode of the
 * original.
 */

const SIZE = 32;
const LOW = 8;

/** cos((2x + 1) u π / 2N) for the 8 lowest frequencies u, every x: the DCT-II basis, computed once. */
const BASIS = Array.from({ length: LOW }, (_, u) =>
  Float64Array.from({ length: SIZE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))),
);

/** 16 hex digits. `input` is an encoded image (a thumbnail's JPEG) or a path. */
export async function perceptualHash(input: Buffer | string): Promise<string> {
  const pixels = await sharp(input)
    .greyscale()
    .resize(SIZE, SIZE, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: false });
  return hashOfPixels(pixels);
}

/** The hash of 32 × 32 greyscale pixels (row-major, one byte each). */
export function hashOfPixels(pixels: Uint8Array): string {
  // Rows first (8 frequencies of each of the 32 rows), then columns of that (8 × 8).
  const rows = new Float64Array(SIZE * LOW);
  for (let y = 0; y < SIZE; y++) {
    for (let u = 0; u < LOW; u++) {
      const basis = BASIS[u] as Float64Array;
      let sum = 0;
      for (let x = 0; x < SIZE; x++) sum += (pixels[y * SIZE + x] ?? 0) * (basis[x] ?? 0);
      rows[y * LOW + u] = sum;
    }
  }
  const low = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++) {
    const basis = BASIS[v] as Float64Array;
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let y = 0; y < SIZE; y++) sum += (rows[y * LOW + u] ?? 0) * (basis[y] ?? 0);
      low[v * LOW + u] = sum;
    }
  }
  const sorted = Float64Array.from(low).sort();
  const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | ((low[nibble * 4 + bit] ?? 0) > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}
