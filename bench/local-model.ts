/**
 * A local-model run (the OpenAI-compatible provider, real `openai` client, real HTTP) against the fake Ollama with
 * a fixed latency per answer, compared in the same run with its lower bound: ceil(images / concurrency) x latency,
 * the time an ideal client would take with the same concurrency and no overhead at all (no image preparation, no
 * HTTP, no journal). A local server has no rate limit, so concurrency and latency are the whole story.
 * Usage: npx tsx bench/local-model.ts [--images N] [--latency MS]
 */
import { parseArgs } from 'node:util';
import { createOpenAiProvider, startCaptionRun } from '../src/core/captioner';
import { withProvider } from '../src/shared/provider-settings';
import { generateJpegs, tempDir, testSettings } from '../tests/fake-gemini/test-kit';
import { startFakeOpenAi } from '../tests/fake-openai';

const { values: args } = parseArgs({
  strict: false,
  options: { images: { type: 'string' }, latency: { type: 'string' } },
});
const num = (v: unknown, fallback: number) => (typeof v === 'string' && v !== '' ? Number(v) : fallback);
const N = num(args.images, 40);
const LATENCY = num(args.latency, 250);
const MODEL = 'qwen2.5vl:7b';

const tmp = await tempDir('caption-bench-local-');
try {
  const jobs = await generateJpegs(tmp.dir, N, 640);
  console.log(`${N} images (640 px), fake Ollama answering in ${LATENCY} ms, no rate limit`);
  for (const concurrency of [1, 2, 4]) {
    const fake = await startFakeOpenAi({ flavour: 'ollama', models: [MODEL], latencyMs: LATENCY });
    const settings = {
      ...withProvider(testSettings({ downscale: 1024 }), 'openai', fake.url),
      model: MODEL,
      concurrency,
    };
    const t0 = performance.now();
    const summary = await startCaptionRun({
      provider: createOpenAiProvider({ baseUrl: fake.url, apiKey: null }),
      trigger: 'my_cat',
      settings,
      jobs,
      onOutcome: () => {},
    }).done;
    const ms = performance.now() - t0;
    await fake.close();
    if (summary.captioned !== N) throw new Error(`captioned ${summary.captioned}/${N} (${summary.status})`);
    const bound = Math.ceil(N / concurrency) * LATENCY;
    const ratio = bound / ms;
    const verdict = ratio >= 0.9 ? 'ok (>= 0.9)' : 'BELOW 0.9';
    console.log(
      `concurrency ${concurrency}: ${(ms / 1000).toFixed(2)} s, bound ${(bound / 1000).toFixed(2)} s, ` +
        `${ratio.toFixed(3)}x of the bound ${verdict}; server saw at most ${fake.maxConcurrent} at once`,
    );
  }
} finally {
  await tmp.cleanup();
}
