import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './load-builder-config';

// The ICNS element types the Mac icon must carry (PNG payloads), with the pixel size each type means.
const ICNS_TYPES = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/** ICO directory entries read back: size (0 = 256), PNG bytes at the recorded offset. */
function readIco(ico: Buffer): Array<{ size: number; png: Buffer }> {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const offset = ico.readUInt32LE(at + 12);
    return { size: ico.readUInt8(at) || 256, png: ico.subarray(offset, offset + ico.readUInt32LE(at + 8)) };
  });
}

/** ICNS elements read back: type and payload, with every declared length checked against the file. */
function readIcns(icns: Buffer): Array<{ type: string; png: Buffer }> {
  expect(icns.toString('ascii', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const out: Array<{ type: string; png: Buffer }> = [];
  for (let at = 8; at < icns.length; ) {
    const length = icns.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    out.push({ type: icns.toString('ascii', at, at + 4), png: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return out;
}

/** The side of a square PNG (fails on anything else). */
async function pngSide(png: Buffer): Promise<number> {
  const { width, height, format } = await sharp(png).metadata();
  expect(format).toBe('png');
  expect(width).toBe(height);
  return width ?? 0;
}

/** Checks a folder laid out like resources/: icon.png, icons/<n>x<n>.png, icon.ico, icon.icns. */
async function expectIconSet(dir: string): Promise<void> {
  expect(await pngSide(readFileSync(join(dir, 'icon.png')))).toBe(1024);
  const linux = readdirSync(join(dir, 'icons'));
  expect(linux.sort()).toEqual(LINUX_SIZES.map((n) => `${n}x${n}.png`).sort());
  for (const n of LINUX_SIZES) expect(await pngSide(readFileSync(join(dir, 'icons', `${n}x${n}.png`)))).toBe(n);

  const ico = readIco(readFileSync(join(dir, 'icon.ico')));
  expect(ico.map((e) => e.size)).toEqual(ICO_SIZES);
  for (const e of ico) expect(await pngSide(e.png)).toBe(e.size);

  const icns = readIcns(readFileSync(join(dir, 'icon.icns')));
  expect(icns.map((e) => e.type)).toEqual(ICNS_TYPES.map(([type]) => type));
  for (const [i, e] of icns.entries()) expect(await pngSide(e.png)).toBe(ICNS_TYPES[i]?.[1]);
}

describe('app icons', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'caption-studio-icons-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('scripts/make-icons.ts renders a complete, well-formed set', async () => {
    const tsx = join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
    execFileSync(tsx, [join(REPO, 'scripts', 'make-icons.ts'), scratch], { cwd: REPO, stdio: 'pipe' });
    await expectIconSet(scratch);
  });

  it('the committed set in resources/ is complete and well-formed', async () => {
    await expectIconSet(join(REPO, 'resources'));
  });

  it('the icon is opaque in the middle and transparent in the corners (a rounded tile)', async () => {
    const { data, info } = await sharp(join(REPO, 'resources', 'icon.png'))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const alpha = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
    expect(alpha(512, 512)).toBe(255);
    expect(alpha(2, 2)).toBe(0);
  });
});
