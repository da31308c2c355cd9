import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaptionOutcome,
  type RunOptions,
  type RunProgress,
  startCaptionRun,
} from '../../src/main/services/captioner';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { generateJpegs, tempDir, testSettings } from '../fake-gemini/test-kit';

/** Pause, resume, cancel and the external abort signal, with real time and a slow fake server. */

let fake: FakeGemini;
let tmp: { dir: string; cleanup: () => Promise<void> };
let jobs: RunOptions['jobs'];

beforeAll(async () => {
  tmp = await tempDir();
  jobs = await generateJpegs(tmp.dir, 8, 120);
});
afterAll(() => tmp.cleanup());
afterEach(() => fake?.close());

const generations = () => fake.requests.filter((r) => r.kind === 'generateContent');

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await delay(5);
}

function start(extra: Partial<RunOptions> = {}) {
  const outcomes: CaptionOutcome[] = [];
  const events: RunProgress[] = [];
  const run = startCaptionRun({
    apiKey: FAKE_API_KEY,
    trigger: 'my_cat',
    settings: testSettings({ concurrency: 2 }),
    jobs,
    baseUrl: fake.url,
    onOutcome: (o) => {
      outcomes.push(o);
    },
    onProgress: (p) => events.push(p),
    ...extra,
  });
  return { run, outcomes, events };
}

describe('run control', () => {
  it('pause lets in-flight requests finish and starts no new ones; resume finishes the rest', async () => {
    fake = await startFakeGemini({ latencyMs: 100 });
    const { run, outcomes, events } = start();
    await until(() => outcomes.length >= 1);
    run.pause();
    expect(run.paused).toBe(true);
    expect(events.at(-1)?.paused).toBe(true);
    // Whatever was already sent completes (wait until the log is settled: answered and unchanged for 300 ms,
    // so a request sent just before the pause has arrived); after that the server hears nothing while paused.
    let sentWhilePausing = -1;
    while (sentWhilePausing !== generations().length) {
      sentWhilePausing = generations().length;
      await until(() => generations().every((r) => r.respondedAt > 0));
      await delay(300);
    }
    await delay(400);
    expect(generations()).toHaveLength(sentWhilePausing);
    expect(sentWhilePausing).toBeLessThan(jobs.length);
    run.resume();
    const summary = await run.done;
    expect(summary).toMatchObject({ status: 'completed', captioned: jobs.length });
    expect(generations()).toHaveLength(jobs.length); // no image asked twice
    expect(new Set(outcomes.map((o) => o.id)).size).toBe(jobs.length);
  });

  it('cancel aborts in-flight requests; aborted images get no outcome', async () => {
    fake = await startFakeGemini({ latencyMs: 2000 });
    const { run, outcomes } = start();
    await until(() => generations().length >= 2);
    run.cancel();
    const summary = await run.done;
    expect(summary).toMatchObject({ status: 'cancelled', captioned: 0, failed: 0, notAttempted: jobs.length });
    expect(outcomes).toEqual([]);
    await until(() => generations().every((r) => r.clientAborted || r.respondedAt > 0));
    expect(generations().every((r) => r.clientAborted)).toBe(true);
    expect(generations()).toHaveLength(2);
  });

  it('the external signal acts like cancel, also while paused', async () => {
    fake = await startFakeGemini({ latencyMs: 50 });
    const controller = new AbortController();
    const { run, outcomes } = start({ signal: controller.signal });
    await until(() => outcomes.length >= 2);
    run.pause();
    controller.abort();
    const summary = await run.done;
    expect(summary.status).toBe('cancelled');
    expect(summary.captioned).toBe(outcomes.length);
    expect(summary.notAttempted).toBe(jobs.length - outcomes.length);
  });

  it('an already-aborted signal attempts nothing', async () => {
    fake = await startFakeGemini();
    const { run, outcomes } = start({ signal: AbortSignal.abort() });
    expect((await run.done).status).toBe('cancelled');
    expect(outcomes).toEqual([]);
    expect(generations()).toEqual([]);
  });
});
