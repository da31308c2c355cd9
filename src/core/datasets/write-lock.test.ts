import { mkdir, mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withWriteLock } from './write-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('dataset write lock', () => {
  it('runs writes one at a time, even when they are started together', async () => {
    const order: string[] = [];
    const write = (name: string) =>
      withWriteLock(dir, async () => {
        order.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, 20));
        order.push(`${name}:end`);
      });
    await Promise.all([write('a'), write('b')]);
    expect(order).toEqual(
      order[0] === 'a:start' ? ['a:start', 'a:end', 'b:start', 'b:end'] : ['b:start', 'b:end', 'a:start', 'a:end'],
    );
  });

  it('takes over a lock left behind by a process that was killed while writing', async () => {
    const left = join(dir, '.write.lock');
    await mkdir(left);
    const old = new Date(Date.now() - 60_000);
    await utimes(left, old, old);
    await expect(withWriteLock(dir, async () => 'written')).resolves.toBe('written');
  });

  it('reports a dataset folder that is gone as not found, and releases the lock after a failed write', async () => {
    await expect(withWriteLock(join(dir, 'missing'), async () => 1)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      withWriteLock(dir, async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    await expect(withWriteLock(dir, async () => 'next')).resolves.toBe('next');
  });
});
