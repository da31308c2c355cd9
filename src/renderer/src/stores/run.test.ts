import { beforeEach, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../shared/progress';
import { isRunActive, useRun } from './run';

const progress = (over: Partial<RunProgress> = {}): RunProgress => ({
  total: 3,
  done: 0,
  failed: 0,
  blocked: 0,
  remaining: 3,
  inFlight: 0,
  ratePerMinute: 0,
  etaSeconds: null,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  costKnown: true,
  paused: false,
  model: 'm',
  ...over,
});

const run = () => useRun.getState();

describe('run store', () => {
  beforeEach(() => run().dismiss());

  it('goes starting -> running -> finished', () => {
    run().begin('s1', { recaption: false }, ['a', 'b', 'c']);
    expect(run().phase).toBe('starting');
    expect(isRunActive(run())).toBe(true);
    run().applyProgress(progress({ lastImage: { id: 'a', state: 'captioning' } }));
    expect(run().phase).toBe('running');
    run().finish({
      status: 'completed',
      message: null,
      captioned: 3,
      failed: 0,
      blocked: 0,
      notAttempted: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      costKnown: true,
      elapsedMs: 1,
    });
    expect(run().phase).toBe('finished');
    run().applyProgress(progress());
    expect(run().phase).toBe('finished');
  });

  it('remembers the images that failed in this run, once each, and forgets one that later succeeded', () => {
    run().begin('s1', {}, ['a', 'b', 'c']);
    run().applyProgress(progress({ lastImage: { id: 'a', state: 'failed' } }));
    run().applyProgress(progress({ lastImage: { id: 'b', state: 'blocked' } }));
    run().applyProgress(progress({ lastImage: { id: 'a', state: 'failed' } }));
    expect(run().failedIds).toEqual(['a', 'b']);
    run().applyProgress(progress({ lastImage: { id: 'a', state: 'captioned' } }));
    expect(run().failedIds).toEqual(['b']);
  });

  it('closes the failed list when the next run (a retry) begins', () => {
    run().begin('s1', {}, ['a', 'b', 'c']);
    run().setFailedOpen(true);
    expect(run().failedOpen).toBe(true);
    run().begin('s1', { only: ['a'], recaption: true }, ['a']);
    expect(run().failedOpen).toBe(false);
  });

  it("keeps each image's latest state in this run, and starts afresh with the next run", () => {
    run().begin('s1', {}, ['a', 'b', 'c']);
    expect(run().total).toBe(3);
    run().applyProgress(progress({ lastImage: { id: 'a', state: 'captioning' } }));
    run().applyProgress(progress({ lastImage: { id: 'a', state: 'captioned' } }));
    run().applyProgress(progress({ lastImage: { id: 'b', state: 'skipped' } }));
    expect([...run().imageStates]).toEqual([
      ['a', 'captioned'],
      ['b', 'skipped'],
    ]);
    expect(run().targets).toEqual(['a', 'b', 'c']);
    run().begin('s1', {}, ['c']);
    expect(run().imageStates.size).toBe(0);
  });

  it('a refused start goes back to idle', () => {
    run().begin('s1', {}, ['a', 'b', 'c']);
    run().abort();
    expect(run().phase).toBe('idle');
    expect(run().datasetId).toBeNull();
  });
});
