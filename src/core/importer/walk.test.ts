import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WalkEvent, walkRoots } from './walk';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'importer-walk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, content = 'x'): Promise<string> {
  const path = join(dir, rel);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

async function collect(paths: string[]): Promise<WalkEvent[]> {
  const events: WalkEvent[] = [];
  for await (const e of walkRoots(paths)) events.push(e);
  return events;
}
const relPaths = (events: WalkEvent[]) => events.flatMap((e) => (e.kind === 'file' ? [e.file.relPath] : [])).sort();

describe('walkRoots', () => {
  it('walks folders recursively with forward-slash relPaths, ignoring junk and hidden folders', async () => {
    await put('a.jpg');
    await put('Sub Dir/b.png');
    await put('Sub Dir/deeper/c.webp');
    await put('.DS_Store');
    await put('._a.jpg');
    await put('Thumbs.db');
    await put('desktop.ini');
    await put('__MACOSX/Sub Dir/._b.png');
    await put('.hidden/secret.jpg');
    await put('Sub Dir/.cache/nested/x.jpg');
    const events = await collect([dir]);
    expect(relPaths(events)).toEqual(['Sub Dir/b.png', 'Sub Dir/deeper/c.webp', 'a.jpg']);
    expect(events.every((e) => e.kind === 'file')).toBe(true);
  });

  it('gives individually dropped files their basename and resolves relative paths', async () => {
    const file = await put('x/photo one.jpg');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const [event] = await collect(['x/photo one.jpg']);
      expect(event).toMatchObject({ kind: 'file', file: { path: file, relPath: 'photo one.jpg' } });
    } finally {
      process.chdir(cwd);
    }
  });

  it('yields the same file once, whether dropped twice or via a folder and the file', async () => {
    const file = await put('f/a.jpg');
    const events = await collect([join(dir, 'f'), file, join(dir, 'f'), `${dir}/f/../f/a.jpg`]);
    expect(relPaths(events)).toEqual(['a.jpg']);
  });

  it('does not loop on a symlink pointing to an ancestor folder, and follows file links', async () => {
    await put('root/a.jpg');
    await symlink(join(dir, 'root'), join(dir, 'root', 'loop'));
    await put('elsewhere/b.jpg');
    await symlink(join(dir, 'elsewhere', 'b.jpg'), join(dir, 'root', 'link-to-b.jpg'));
    expect(relPaths(await collect([join(dir, 'root')]))).toEqual(['a.jpg', 'link-to-b.jpg']);
  });

  it('reports a broken link and a missing dropped path as unreadable', async () => {
    await mkdir(join(dir, 'd'));
    await symlink(join(dir, 'nowhere.jpg'), join(dir, 'd', 'dangling.jpg'));
    const events = await collect([join(dir, 'd'), join(dir, 'gone.jpg')]);
    expect(events).toEqual([
      {
        kind: 'skipped',
        skipped: {
          path: join(dir, 'd', 'dangling.jpg'),
          reason: 'unreadable',
          message: 'This link points to a file that no longer exists.',
        },
      },
      {
        kind: 'skipped',
        skipped: {
          path: join(dir, 'gone.jpg'),
          reason: 'unreadable',
          message: 'This file or folder could not be read: it was moved or deleted.',
        },
      },
    ]);
  });

  it('finds sidecars beside images, for walked folders and for dropped files', async () => {
    const jpeg = await put('s/IMG_0002.jpeg');
    const txt = await put('s/IMG_0002.txt');
    await put('s/notes.txt');
    const events = await collect([join(dir, 's')]);
    const byName = Object.fromEntries(events.flatMap((e) => (e.kind === 'file' ? [[e.file.relPath, e.file]] : [])));
    expect(byName['IMG_0002.jpeg']).toMatchObject({ sidecar: txt, isCaptionCandidate: false });
    expect(byName['IMG_0002.txt']).toMatchObject({ sidecar: null, isCaptionCandidate: true });
    expect(byName['notes.txt']).toMatchObject({ isCaptionCandidate: false });
    expect(byName['IMG_0002.jpeg']?.stemKey).toBe(byName['IMG_0002.txt']?.stemKey);
    const [dropped] = await collect([jpeg]);
    expect(dropped).toMatchObject({ kind: 'file', file: { sidecar: txt } });
  });

  it('stops when the signal is aborted', async () => {
    await put('a/b/c.jpg');
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(walkRoots([dir], controller.signal).next()).rejects.toThrow('stop');
  });
});
