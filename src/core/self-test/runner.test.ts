import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Check, runChecks } from './runner';

const check = (name: string, run: () => Promise<string>): Check => ({ name, run });

afterEach(() => {
  vi.useRealTimers();
});

describe('runChecks', () => {
  it('records each check in order with its detail and duration, failures included', async () => {
    let clock = 0;
    const results = await runChecks(
      [
        check('first', async () => {
          clock += 5;
          return 'fine';
        }),
        check('second', async () => {
          clock += 7;
          throw new Error('broken\nsecond line');
        }),
        check('third', () => Promise.resolve('also fine')),
      ],
      { now: () => clock },
    );
    expect(results).toEqual([
      { name: 'first', ok: true, detail: 'fine', ms: 5 },
      { name: 'second', ok: false, detail: 'broken\nsecond line', ms: 7 },
      { name: 'third', ok: true, detail: 'also fine', ms: 0 },
    ]);
  });

  it('turns a synchronous throw, a non-Error and an empty message into a failed line', async () => {
    const results = await runChecks([
      {
        name: 'sync',
        run: () => {
          throw new Error('thrown before any promise');
        },
      },
      check('string', () => Promise.reject('just a string')),
      check('empty', () => Promise.reject(new Error(''))),
    ]);
    expect(results.map((r) => [r.ok, r.detail])).toEqual([
      [false, 'thrown before any promise'],
      [false, 'just a string'],
      [false, 'failed without a message'],
    ]);
  });

  it('fails a check that never settles once its timeout passes, and goes on with the next', async () => {
    vi.useFakeTimers();
    const run = runChecks([check('hangs', () => new Promise<string>(() => {})), check('next', async () => 'ran')], {
      timeoutMs: 30_000,
      now: () => 0,
    });
    await vi.advanceTimersByTimeAsync(30_000);
    expect((await run).map((r) => [r.name, r.ok, r.detail])).toEqual([
      ['hangs', false, 'did not finish within 30 s'],
      ['next', true, 'ran'],
    ]);
  });
});
