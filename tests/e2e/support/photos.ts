import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

/** How many files are encoded at once: enough to keep libvips busy on two cores without a burst of open files. */
const PARALLEL = 8;

/** `photo-0001.jpg`...: zero-padded so the gallery's name order is the numeric order. */
function photoName(index: number, count: number): string {
  return `photo-${String(index + 1).padStart(String(count).length, '0')}.jpg`;
}

/**
 * Writes `count` small, distinct JPEGs (a colour per image walking round the hue circle, with a contrasting
 * band whose position also varies) into `dir`, and returns their names in order.
 */
export async function writePhotos(dir: string, count: number, width = 160, height = 120): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names = Array.from({ length: count }, (_, i) => photoName(i, count));
  for (let start = 0; start < count; start += PARALLEL) {
    await Promise.all(
      names.slice(start, start + PARALLEL).map((name, k) => writePhoto(join(dir, name), start + k, width, height)),
    );
  }
  return names;
}

/** Pixels built in memory (one encode per file, no compositing): 2,000 photos take a few seconds. */
async function writePhoto(path: string, i: number, width: number, height: number): Promise<void> {
  const colour = hueToRgb((i * 137.508) % 360);
  const band = colour.map((c) => 255 - c);
  const bandTop = (i * 7) % (height - 20);
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const [r, g, b] = y >= bandTop && y < bandTop + 20 ? band : colour;
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = r ?? 0;
      pixels[at + 1] = g ?? 0;
      pixels[at + 2] = b ?? 0;
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toFile(path);
}

/** Fully saturated colour for a hue in degrees. */
function hueToRgb(hue: number): [number, number, number] {
  const f = (n: number) => {
    const k = (n + hue / 60) % 6;
    return Math.round(255 * (1 - Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [f(5), f(3), f(1)];
}
