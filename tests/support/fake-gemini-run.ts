import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  type CaptionOutcome,
  type CaptionRun,
  createGeminiProvider,
  type RunOptions,
  type RunProgress,
  type RunSummary,
  startCaptionRun,
} from '../../src/core/captioner';
import {
  FAKE_API_KEY,
  type FakeGemini,
  type FakeGeminiOptions,
  type RequestLog,
  startFakeGemini,
} from '../fake-gemini';
import { tempDir, testSettings } from '../fake-gemini/test-kit';

/**
 * The setup every captioner integration test file repeated: images in a temp dir made once per file, a fake
 * Gemini server, and a run against it that records its outcomes and progress. Registers its own vitest hooks,
 * so it lives here and not in test-kit.ts (which the caption benchmark imports outside vitest).
 */

type Jobs = RunOptions['jobs'];

/** Run options, plus the Gemini key and server the run's provider uses (default: the fake key, this test's fake). */
type StartOptions = Partial<RunOptions> & { apiKey?: string; baseUrl?: string };

export interface FakeGeminiRunSetup {
  /** Writes or copies the file's images into `dir` (once per file) and returns them as caption jobs. */
  jobs: (dir: string) => Promise<Jobs>;
  /** Run options of this file, over the common ones; called per run, so a fresh `fastClock()` each time. */
  defaults?: () => StartOptions;
  /** One server for the whole file, started before its tests. Without it each test calls `startFake`. */
  sharedFake?: FakeGeminiOptions;
}

interface StartedRun {
  run: CaptionRun;
  outcomes: CaptionOutcome[];
  events: RunProgress[];
}

interface FinishedRun {
  summary: RunSummary;
  outcomes: CaptionOutcome[];
  events: RunProgress[];
  /** The generateContent requests the server saw (the key check left out). */
  generate: RequestLog[];
}

export interface FakeGeminiRun {
  /** The server of the current test (or of the file, with `sharedFake`). */
  readonly fake: FakeGemini;
  readonly jobs: Jobs;
  /** Starts this test's server; it is closed after the test. */
  startFake(options?: FakeGeminiOptions): Promise<FakeGemini>;
  generations(): RequestLog[];
  /**
   * Starts a run of the file's jobs against the current server: the fake key, trigger `my_cat`, `testSettings()`,
   * then `defaults()`, then `extra`.
   */
  start(extra?: StartOptions): StartedRun;
  /** `start`, awaited to the summary. */
  captionAll(extra?: StartOptions): Promise<FinishedRun>;
}

export function setupFakeGeminiRun(setup: FakeGeminiRunSetup): FakeGeminiRun {
  let tmp: Awaited<ReturnType<typeof tempDir>> | undefined;
  let jobs: Jobs | undefined;
  let current: FakeGemini | undefined;

  beforeAll(async () => {
    tmp = await tempDir();
    jobs = await setup.jobs(tmp.dir);
    if (setup.sharedFake) current = await startFakeGemini(setup.sharedFake);
  });
  afterEach(async () => {
    if (setup.sharedFake) return;
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  afterAll(async () => {
    await current?.close();
    await tmp?.cleanup();
  });

  const ctx: FakeGeminiRun = {
    get fake() {
      if (!current) throw new Error('no fake Gemini server: call startFake() first');
      return current;
    },
    get jobs() {
      if (!jobs) throw new Error('jobs are made in beforeAll: use them inside a test');
      return jobs;
    },
    async startFake(options) {
      current = await startFakeGemini(options);
      return current;
    },
    generations: () => ctx.fake.requests.filter((r) => r.kind === 'generateContent'),
    start(extra = {}) {
      const outcomes: CaptionOutcome[] = [];
      const events: RunProgress[] = [];
      const { apiKey = FAKE_API_KEY, baseUrl = ctx.fake.url, ...options } = { ...setup.defaults?.(), ...extra };
      const run = startCaptionRun({
        provider: createGeminiProvider({ apiKey, baseUrl }),
        secret: apiKey,
        trigger: 'my_cat',
        settings: testSettings(),
        jobs: ctx.jobs,
        onOutcome: (o) => {
          outcomes.push(o);
        },
        onProgress: (p) => events.push(p),
        ...options,
      });
      return { run, outcomes, events };
    },
    async captionAll(extra) {
      const { run, outcomes, events } = ctx.start(extra);
      const summary = await run.done;
      return { summary, outcomes, events, generate: ctx.generations() };
    },
  };
  return ctx;
}
