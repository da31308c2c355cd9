/**
 * Captioning throughput against the fake Gemini server (real @google/genai client, real HTTP, latency with
 * jitter and a per-model RPM limit), compared in the same run with:
 *   - the lower bound: an ideal client with the same concurrency that starts each request the moment both a
 *     concurrency slot and the server's sliding RPM window allow it (exact latency, no overhead);
 *   - the ORIGINAL app's strategy: one image at a time with a 2 s pause between images, on the same kind of
 *     server. It is measured on a subset (default 5 images) and extrapolated per image, because 40 images would
 *     take ~100 s; the output says so.
 * Usage: npx tsx bench/caption.ts [--images N] [--latency MS] [--jitter MS] [--rpm R] [--concurrency C]
 *                                 [--original-subset K] [--large]
 *   --large  200 images at 120 RPM: the RPM limit becomes the bound (about 1 min 5 s).
 */
import { parseArgs } from 'node:util';
import { createGeminiProvider, prepareImage, renderPrompt, startCaptionRun } from '../src/core/captioner';
import { FAKE_API_KEY, type FakeGeminiOptions, startFakeGemini } from '../tests/fake-gemini';
import { generateJpegs, tempDir, testSettings } from '../tests/fake-gemini/test-kit';

const { values: args } = parseArgs({
  strict: false,
  options: {
    images: { type: 'string' },
    latency: { type: 'string' },
    jitter: { type: 'string' },
    rpm: { type: 'string' },
    concurrency: { type: 'string' },
    'original-subset': { type: 'string' },
    large: { type: 'boolean' },
  },
});
const num = (v: unknown, fallback: number) => (typeof v === 'string' && v !== '' ? Number(v) : fallback);
const large = args.large === true;
const N = num(args.images, large ? 200 : 40);
const LATENCY = num(args.latency, 400);
const JITTER = num(args.jitter, 100);
const RPM = num(args.rpm, large ? 120 : 300);
const CONCURRENCY = num(args.concurrency, 8);
const SUBSET = Math.min(N, num(args['original-subset'], 5));
const ORIGINAL_PAUSE_MS = 2000;
const TRIGGER = 'bench_subject';

/**
 * The best possible finish time: request k starts as soon as both a concurrency slot is free (request k - C has
 * finished) and the sliding minute allows it (request k - R started 60 s ago), and takes exactly `latency`.
 */
function idealScheduleMs(n: number, concurrency: number, rpm: number, latency: number): number {
  const starts: number[] = [];
  for (let k = 0; k < n; k++) {
    const slot = k >= concurrency ? (starts[k - concurrency] ?? 0) + latency : 0;
    const window = k >= rpm ? (starts[k - rpm] ?? 0) + 60_000 : 0;
    starts.push(Math.max(slot, window));
  }
  return (starts.at(-1) ?? 0) + latency;
}

const server: FakeGeminiOptions = { latencyMs: LATENCY, jitterMs: JITTER, rpm: RPM, seed: 7 };
const perMin = (images: number, ms: number) => (images * 60_000) / ms;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const tmp = await tempDir('caption-bench-');
try {
  const jobs = await generateJpegs(tmp.dir, N, 640);
  const settings = testSettings({ concurrency: CONCURRENCY, rpm: RPM, downscale: 1024 });

  // The run engine, end to end (key check, downscale, requests, retries) on a fresh server.
  const fake = await startFakeGemini(server);
  const t0 = performance.now();
  const summary = await startCaptionRun({
    provider: createGeminiProvider({ apiKey: FAKE_API_KEY, baseUrl: fake.url }),
    trigger: TRIGGER,
    settings,
    jobs,
    onOutcome: () => {},
  }).done;
  const engineMs = performance.now() - t0;
  const generate = fake.requests.filter((r) => r.kind === 'generateContent');
  const limited = generate.filter((r) => r.outcome === 'rate-limit').length;
  await fake.close();
  if (summary.captioned !== N) throw new Error(`engine captioned ${summary.captioned}/${N} (${summary.status})`);

  // The original strategy on a subset, same server settings, same per-image work (downscale + one request).
  const original = await startFakeGemini(server);
  const gemini = createGeminiProvider({ apiKey: FAKE_API_KEY, baseUrl: original.url });
  const prompt = renderPrompt(settings.prompt, TRIGGER);
  const t1 = performance.now();
  for (const [i, job] of jobs.slice(0, SUBSET).entries()) {
    if (i > 0) await new Promise((r) => setTimeout(r, ORIGINAL_PAUSE_MS));
    const image = await prepareImage(job.source, job.format, settings.downscale);
    const smaller = () => Promise.resolve(image);
    await gemini.caption({ model: settings.model, image, smaller, prompt, trigger: TRIGGER }, (send) => send());
  }
  const subsetMs = performance.now() - t1;
  await original.close();
  // Per image: request + pause, the first image has no pause before it.
  const perImage = (subsetMs + ORIGINAL_PAUSE_MS) / SUBSET;
  const originalMs = perImage * N - ORIGINAL_PAUSE_MS;

  const latencyBoundMs = LATENCY * Math.ceil(N / CONCURRENCY);
  const rpmBoundMs = Math.floor((N - 1) / RPM) * 60_000 + LATENCY;
  const boundMs = idealScheduleMs(N, CONCURRENCY, RPM, LATENCY);

  console.log(
    `caption bench: ${N} images (640 px JPEGs), fake server latency ${LATENCY}±${JITTER} ms, ${RPM} RPM per model, ` +
      `concurrency ${CONCURRENCY}`,
  );
  console.log(
    `run engine          : ${secs(engineMs)}  ${perMin(N, engineMs).toFixed(1)} images/min  ` +
      `(${generate.length} requests, ${limited} rate-limited)`,
  );
  console.log(
    `lower bound         : ${secs(boundMs)}  ${perMin(N, boundMs).toFixed(1)} images/min  ` +
      `(ideal client with this concurrency and RPM; latency alone ${secs(latencyBoundMs)}, RPM alone ${secs(rpmBoundMs)})`,
  );
  console.log(
    `original (seq + 2 s): ${secs(originalMs)}  ${perMin(N, originalMs).toFixed(1)} images/min  ` +
      `(measured on ${SUBSET} images in ${secs(subsetMs)}, extrapolated at ${secs(perImage)} per image)`,
  );
  console.log(`ratio engine / original speed : ${(originalMs / engineMs).toFixed(1)}x faster`);
  console.log(`ratio engine / lower bound    : ${(boundMs / engineMs).toFixed(2)} of the best possible speed`);
} finally {
  await tmp.cleanup();
}
