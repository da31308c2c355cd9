import { chmodSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAll, getRawHeader } from '@electron/asar';

/**
 * What the packaging tests need around electron-builder: a stand-in Electron to package (no real one can be
 * downloaded here), the asar's file list, and the packaged app laid out for plain Node.
 */

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's shipped fuse defaults, in wire order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect,
 * EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges.
 */
const DEFAULT_WIRE = '10110001';

/**
 * An unpacked "Electron" for electron-builder's `-c.electronDist`: a shell script carrying Electron's fuse
 * sentinel and default wire, so electron-builder's real fuse step flips it and a test can read it back.
 */
export function makeStandInElectron(dir: string, version: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE)]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in for Electron’s LICENSE\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<html></html>\n');
}

export type AsarListing = Map<string, { size: number; unpacked: boolean }>;

/** Every file in the asar header as '/path' -> { size, unpacked }. */
export function asarFiles(archive: string): AsarListing {
  type Node = { files?: Record<string, Node>; size?: number; unpacked?: boolean };
  const out: AsarListing = new Map();
  const walk = (node: Node, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = `${prefix}/${name}`;
      if (child.files) walk(child, path);
      else out.set(path, { size: child.size ?? 0, unpacked: child.unpacked === true });
    }
  };
  walk(getRawHeader(archive).header as Node, '');
  return out;
}

/** Which package (or out/ folder) a packaged path belongs to: '/node_modules/@img/x/...' -> '@img/x'. */
export function owner(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const at = parts.lastIndexOf('node_modules');
  if (at === -1) return parts.slice(0, 2).join('/');
  const name = parts[at + 1] ?? '';
  return name.startsWith('@') ? `${name}/${parts[at + 2]}` : name;
}

export function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

/** Native code: Node addons and the shared libraries they link (libvips). */
const NATIVE = /\.(node|dll|dylib)$|\.so(\.\d+)*$/;

/**
 * The packaged app as Electron's main process can use it, as a plain folder plain Node can run: app.asar
 * extracted (the unpacked files taken from app.asar.unpacked), minus every native file left inside the archive.
 * Those cannot work in the real app either: sharp's addon must find libvips beside it on disk, and the dynamic
 * linker cannot look inside an archive. `leftInside` marks more paths as packed, to play a missing asarUnpack entry.
 */
export function unpackedView(resources: string, dest: string, leftInside: (path: string) => boolean = () => false) {
  const archive = join(resources, 'app.asar');
  extractAll(archive, dest);
  for (const [path, { unpacked }] of asarFiles(archive)) {
    if (NATIVE.test(path) && (!unpacked || leftInside(path))) rmSync(join(dest, path), { force: true });
  }
  return dest;
}
