import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { generateJpegs, testSettings } from '../fake-gemini/test-kit';
import { setupFakeGeminiRun } from '../support/fake-gemini-run';

/** Pause, resume, cancel and the external abort signal, with real time and a slow fake server. */

const ctx = setupFakeGeminiRun({
  jobs: (dir) => generateJpegs(dir, 8, 120),
  defaults: () => ({ settings: testSettings({ concurrency: 2 }) }),
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await delay(5);
}

describe('run control', () => {
  it('pause lets in-flight requests finish and starts no new ones; resume finishes the rest', async () => {
    await ctx.startFake({ latencyMs: 100 });
    const { run, outcomes, events } = ctx.start();
    await until(() => outcomes.length >= 1);
    run.pause();
    expect(run.paused).toBe(true);
    expect(events.at(-1)?.paused).toBe(true);
    // Whatever was already sent completes (wait until the log is settled: answered and unchanged for 300 ms,
    // so a request sent just before the pause has arrived); after that the server hears nothing while paused.
    let sentWhilePausing = -1;
    while (sentWhilePausing !== ctx.generations().length) {
      sentWhilePausing = ctx.generations().length;
      await until(() => ctx.generations().every((r) => r.respondedAt > 0));
      await delay(300);
    }
    await delay(400);
    expect(ctx.generations()).toHaveLength(sentWhilePausing);
    expect(sentWhilePausing).toBeLessThan(ctx.jobs.length);
    run.resume();
    const summary = await run.done;
    expect(summary).toMatchObject({ status: 'completed', captioned: ctx.jobs.length });
    expect(ctx.generations()).toHaveLength(ctx.jobs.length); // no image asked twice
    expect(new Set(outcomes.map((o) => o.id)).size).toBe(ctx.jobs.length);
  });

  it('cancel aborts in-flight requests; aborted images get no outcome', async () => {
    await ctx.startFake({ latencyMs: 2000 });
    const { run, outcomes } = ctx.start();
    await until(() => ctx.generations().length >= 2);
    run.cancel();
    const summary = await run.done;
    expect(summary).toMatchObject({ status: 'cancelled', captioned: 0, failed: 0, notAttempted: ctx.jobs.length });
    expect(outcomes).toEqual([]);
    await until(() => ctx.generations().every((r) => r.clientAborted || r.respondedAt > 0));
    expect(ctx.generations().every((r) => r.clientAborted)).toBe(true);
    expect(ctx.generations()).toHaveLength(2);
  });

  it('the external signal acts like cancel, also while paused', async () => {
    await ctx.startFake({ latencyMs: 50 });
    const controller = new AbortController();
    const { run, outcomes } = ctx.start({ signal: controller.signal });
    await until(() => outcomes.length >= 2);
    run.pause();
    controller.abort();
    const summary = await run.done;
    expect(summary.status).toBe('cancelled');
    expect(summary.captioned).toBe(outcomes.length);
    expect(summary.notAttempted).toBe(ctx.jobs.length - outcomes.length);
  });

  it('an already-aborted signal attempts nothing', async () => {
    await ctx.startFake();
    const { run, outcomes } = ctx.start({ signal: AbortSignal.abort() });
    expect((await run.done).status).toBe('cancelled');
    expect(outcomes).toEqual([]);
    expect(ctx.generations()).toEqual([]);
  });
});
