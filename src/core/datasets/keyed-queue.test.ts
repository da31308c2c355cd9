import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from './keyed-queue';

const tick = () => new Promise((r) => setImmediate(r));

describe('createKeyedQueue', () => {
  it('runs tasks of one key one at a time, in order, and keeps going after a failure', async () => {
    const q = createKeyedQueue();
    const log: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      q.run('a', task('1')),
      q.run('a', task('2', true)),
      q.run('a', task('3')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('runs different keys concurrently and idle() waits for all', async () => {
    const q = createKeyedQueue();
    let concurrent = 0;
    let peak = 0;
    const task = async () => {
      concurrent++;
      peak = Math.max(peak, concurrent);
      await tick();
      concurrent--;
    };
    void q.run('a', task);
    void q.run('b', task);
    await q.idle();
    expect(peak).toBe(2);
    expect(concurrent).toBe(0);
  });
});
