/**
 * Regenerates every app icon in resources/ from the SVG mark in scripts/icons/mark.ts:
 *   resources/icon.png (1024), resources/icons/<n>x<n>.png (Linux), resources/icon.ico, resources/icon.icns.
 * Run with `npx tsx scripts/make-icons.ts [outDir]` (default resources/); the outputs are committed, so packaging
 * never needs this step. tests/integration/release/icons.test.ts runs it into a temp folder and reads the files back.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../src/core/fs/atomic';
import { encodeIcns, encodeIco, ICNS_TYPES, type IconImage } from './icons/containers';
import { iconSvg } from './icons/mark';

const RESOURCES = resolve(import.meta.dirname, '../resources');
/** macOS draws no tile of its own: the artwork is an 824 px body centred in 1024 (Apple's icon grid). */
const MAC_INSET = 100;
/** Windows and Linux show the image as is; a small margin keeps the rounded corners off the tile edge. */
const TILE_INSET = 24;
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Renders the SVG straight at the target size (density scaled), which keeps small sizes sharper than a resize. */
async function render(svg: string, size: number): Promise<IconImage> {
  const png = await sharp(Buffer.from(svg), { density: (72 * size) / 1024 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
  return { size, png };
}

async function renderAll(svg: string, sizes: readonly number[]): Promise<IconImage[]> {
  return Promise.all([...new Set(sizes)].map((size) => render(svg, size)));
}

export async function makeIcons(outDir = RESOURCES): Promise<void> {
  const tile = iconSvg(TILE_INSET);
  const mac = iconSvg(MAC_INSET);
  await mkdir(join(outDir, 'icons'), { recursive: true });

  const [main] = await renderAll(tile, [1024]);
  if (main) await writeFileAtomic(join(outDir, 'icon.png'), main.png);
  for (const { size, png } of await renderAll(tile, LINUX_SIZES)) {
    await writeFileAtomic(join(outDir, 'icons', `${size}x${size}.png`), png);
  }
  await writeFileAtomic(join(outDir, 'icon.ico'), encodeIco(await renderAll(tile, ICO_SIZES)));
  const macImages = await renderAll(
    mac,
    ICNS_TYPES.map((t) => t.size),
  );
  await writeFileAtomic(join(outDir, 'icon.icns'), encodeIcns(macImages));
  await writeFileAtomic(join(outDir, 'icon.svg'), tile);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outDir = resolve(process.argv[2] ?? RESOURCES);
  await makeIcons(outDir);
  console.log(`icons written to ${outDir}`);
}
