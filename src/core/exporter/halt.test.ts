import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { Halt } from './halt';

const never = new Promise<never>(() => {});

describe('Halt', () => {
  it('passes a step through while the export runs', async () => {
    const halt = new Halt(undefined);
    await expect(halt.guard(Promise.resolve(7))).resolves.toBe(7);
    await expect(halt.guard(Promise.reject(new Error('step failed')))).rejects.toThrow('step failed');
  });

  it('rejects waiting and later steps with the first reason it was stopped for', async () => {
    const halt = new Halt(undefined);
    const waiting = halt.guard(never);
    halt.stop(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
    halt.stop(new Error('second'));
    await expect(waiting).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(halt.guard(Promise.resolve(1))).rejects.toMatchObject({ code: 'ENOSPC' });
  });

  it("turns the user's cancel into a cancelled error and lets go of the signal when disposed", async () => {
    const user = new AbortController();
    const halt = new Halt(user.signal);
    const waiting = halt.guard(never);
    user.abort();
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('cancelled');

    const other = new AbortController();
    new Halt(other.signal).dispose();
    expect(getEventListeners(other.signal, 'abort')).toHaveLength(0);
  });
});
