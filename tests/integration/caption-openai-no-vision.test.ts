import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiProvider, startCaptionRun } from '../../src/core/captioner';
import { fastClock, generateJpegs, tempDir, testSettings } from '../fake-gemini/test-kit';
import { type FlavourName, startFakeOpenAi } from '../fake-openai';

/**
 * A model without vision, as each server reports it: Ollama and llama.cpp answer 500 (llama-server has no
 * multimodal projector, "mmproj"), vLLM 400 ("is not a multimodal model"). Each is one no-vision stop with the
 * server's words, not one failure per image after retries.
 */

let photos: { dir: string; cleanup: () => Promise<void> };
let jobs: Awaited<ReturnType<typeof generateJpegs>>;

beforeAll(async () => {
  photos = await tempDir('no-vision-');
  jobs = await generateJpegs(photos.dir, 4, 96);
});
afterAll(() => photos.cleanup());

describe.each<FlavourName>(['ollama', 'llamacpp', 'vllm'])('a model without vision on %s', (flavour) => {
  it('stops the run at its first image with status no-vision', async () => {
    const fake = await startFakeOpenAi({ flavour, models: [{ id: 'text-only', vision: 'error' }] });
    try {
      const run = startCaptionRun({
        provider: createOpenAiProvider({ baseUrl: fake.url, apiKey: null }),
        trigger: 'tok',
        settings: testSettings({ provider: 'openai', baseUrl: fake.url, model: 'text-only', fallbackModels: [] }),
        jobs,
        clock: fastClock(),
        onOutcome: () => {},
      });
      const summary = await run.done;
      expect(summary).toMatchObject({ status: 'no-vision', captioned: 0, failed: 0, notAttempted: jobs.length });
      expect(summary.message).toMatch(/cannot see images/u);
      // Concurrency 4 may have had the other images in flight already; none is asked again.
      const chats = fake.requests.filter((r) => r.kind === 'chat');
      expect(chats.length).toBeLessThanOrEqual(jobs.length);
      expect(chats.every((r) => r.outcome === 'no-vision' && r.attempt === 1)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});
