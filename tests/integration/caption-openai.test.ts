import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaptionOutcome,
  type CaptionRun,
  createOpenAiProvider,
  type RunOptions,
  startCaptionRun,
} from '../../src/core/captioner';
import { withProvider } from '../../src/shared/provider-settings';
import { fastClock, generateJpegs, tempDir, testSettings } from '../fake-gemini/test-kit';
import { closedPortUrl, type FakeOpenAi, type FakeOpenAiOptions, startFakeOpenAi } from '../fake-openai';

/**
 * The run engine with the OpenAI-compatible provider and the real `openai` client, against the fake servers'
 * flavours: what local and remote servers really answer, handled as the issue asks.
 */

let images: { dir: string; cleanup: () => Promise<void> };
let jobs: RunOptions['jobs'];
let fake: FakeOpenAi | null = null;

beforeAll(async () => {
  images = await tempDir('cs-openai-');
  jobs = await generateJpegs(images.dir, 6, 1600);
});
afterAll(() => images.cleanup());
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function serve(options: FakeOpenAiOptions): Promise<FakeOpenAi> {
  fake = await startFakeOpenAi({ noise: true, ...options });
  return fake;
}

function run(baseUrl: string, model: string, extra: Partial<RunOptions> & { apiKey?: string } = {}) {
  const outcomes: CaptionOutcome[] = [];
  const { apiKey = null, ...options } = extra;
  const settings = { ...withProvider(testSettings({ downscale: 1024 }), 'openai', baseUrl), model };
  const handle: CaptionRun = startCaptionRun({
    provider: createOpenAiProvider({ baseUrl, apiKey }),
    trigger: 'my_cat',
    settings,
    jobs,
    clock: fastClock(),
    onOutcome: (o) => {
      outcomes.push(o);
    },
    ...options,
  });
  return { outcomes, done: handle.done };
}

const chats = (f: FakeOpenAi) => f.requests.filter((r) => r.kind === 'chat');

describe('a local server (Ollama)', () => {
  it('captions every image, at most two at a time and without a rate limit', async () => {
    const f = await serve({ flavour: 'ollama', models: ['qwen2.5vl:7b'], latencyMs: 20 });
    const { outcomes, done } = run(f.url, 'qwen2.5vl:7b');
    const summary = await done;
    expect(summary).toMatchObject({ status: 'completed', captioned: jobs.length, costUsd: 0 });
    expect(summary.costKnown).toBe(false); // a local model has no price: the cost is not claimed
    for (const o of outcomes) {
      expect(o).toMatchObject({ status: 'captioned', model: 'qwen2.5vl:7b' });
      if (o.status === 'captioned') expect(o.caption).toMatch(/^photo of my_cat [a-z]/u);
    }
    expect(f.maxConcurrent).toBeLessThanOrEqual(2);
    // The image went as a base64 data URL, text first.
    expect(chats(f).every((r) => r.imagePartPresent && r.image?.mimeType === 'image/jpeg')).toBe(true);
  });

  it('strips reasoning, and asks again with room when thinking ate the budget', async () => {
    const f = await serve({
      flavour: 'ollama',
      models: [{ id: 'qwen3-vl:8b', thinking: { tokens: 2100, format: 'think-tags' } }],
    });
    const { outcomes, done } = run(f.url, 'qwen3-vl:8b');
    expect(await done).toMatchObject({ status: 'completed', captioned: jobs.length });
    for (const o of outcomes) if (o.status === 'captioned') expect(o.caption).not.toMatch(/think|<\/?/u);
    // 2048 tokens were not enough to get past thinking; 4096 were: two requests per image.
    expect(chats(f)).toHaveLength(jobs.length * 2);
  });

  it('retries an image too big for the context once at a smaller size', async () => {
    const f = await serve({ flavour: 'llamacpp', models: [{ id: 'gemma-3-4b', contextTokens: 1200 }] });
    const { done } = run(f.url, 'gemma-3-4b');
    expect(await done).toMatchObject({ status: 'completed', captioned: jobs.length });
    expect(chats(f).filter((r) => r.outcome === 'context-overflow')).toHaveLength(jobs.length);
  });

  it('fails an image that does not fit even at the smaller size, saying what to change', async () => {
    const f = await serve({ flavour: 'ollama', models: [{ id: 'moondream', contextTokens: 200 }] });
    const { outcomes, done } = run(f.url, 'moondream');
    const summary = await done;
    expect(summary.failed).toBe(jobs.length);
    const first = outcomes[0];
    expect(first?.status).toBe('failed');
    if (first?.status === 'failed') expect(first.error).toMatch(/context window.*OLLAMA_CONTEXT_LENGTH/su);
    // Two requests per image (full size, smaller), never the engine's transient retries.
    expect(chats(f)).toHaveLength(jobs.length * 2);
  });

  it('turns a refusal into "blocked", never a caption', async () => {
    const f = await serve({
      flavour: 'lmstudio',
      models: ['llava'],
      fault: (r) => (r.index === 1 ? 'refusal' : undefined),
    });
    const { outcomes, done } = run(f.url, 'llava', {
      settings: { ...withProvider(testSettings(), 'openai', f.url), model: 'llava', concurrency: 1 },
    });
    expect(await done).toMatchObject({ captioned: jobs.length - 1, blocked: 1 });
    const blocked = outcomes.find((o) => o.status === 'blocked');
    expect(blocked?.status === 'blocked' && blocked.error).toMatch(/refused/u);
  });

  it('says once that nothing answers when the server is not running', async () => {
    const url = await closedPortUrl();
    const { outcomes, done } = run(url, 'qwen2.5vl:7b');
    await expect(done).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/is the server running/u),
    });
    expect(outcomes).toEqual([]);
  });
});

describe('a model that cannot see images stops the run once, with no image marked failed', () => {
  it.each([
    ['vllm', 'error'],
    ['llamacpp', 'error'],
    ['lmstudio', 'error'],
    ['ollama', 'blind-apology'],
    ['ollama', 'blind-generic'],
  ] as const)('%s, %s', async (flavour, vision) => {
    const f = await serve({ flavour, models: [{ id: 'text-only', vision }] });
    const { outcomes, done } = run(f.url, 'text-only', {
      settings: { ...withProvider(testSettings(), 'openai', f.url), model: 'text-only', concurrency: 1 },
    });
    const summary = await done;
    expect(summary.status).toBe('no-vision');
    expect(summary.message).toMatch(/see (?:the )?images|vision model/u);
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    // Never one request per image: the blind generic model is caught at its third identical caption.
    expect(chats(f).length).toBeLessThanOrEqual(3);
  });

  it('OpenRouter: a text-only model is refused before any image is sent', async () => {
    const f = await serve({
      flavour: 'openrouter',
      apiKey: 'sk-or-good',
      models: [{ id: 'meta/llama-3-8b', vision: 'error' }],
    });
    const { done } = run(f.url, 'meta/llama-3-8b', { apiKey: 'sk-or-good' });
    expect(await done).toMatchObject({ status: 'no-vision', captioned: 0 });
    expect(chats(f)).toHaveLength(0);
  });
});

describe('remote servers', () => {
  it('a refused key is one invalid-key summary, before any image where the model list needs the key', async () => {
    const f = await serve({ flavour: 'openai', apiKey: 'sk-good', models: ['gpt-4.1-mini'] });
    const summary = await run(f.url, 'gpt-4.1-mini', { apiKey: 'sk-wrong-key-1234' }).done;
    expect(summary.status).toBe('invalid-key');
    expect(summary.message).not.toContain('sk-wrong-key-1234');
    expect(chats(f)).toHaveLength(0);
  });

  it("OpenRouter's model list is public: a refused key stops the run at the first image, none marked failed", async () => {
    const f = await serve({ flavour: 'openrouter', apiKey: 'sk-or-good', models: ['qwen/qwen2.5-vl-72b-instruct'] });
    const settings = { ...withProvider(testSettings(), 'openai', f.url), model: 'qwen/qwen2.5-vl-72b-instruct' };
    const { outcomes, done } = run(f.url, settings.model, {
      apiKey: 'sk-or-wrong',
      settings: { ...settings, concurrency: 1 },
    });
    expect(await done).toMatchObject({ status: 'invalid-key', captioned: 0, failed: 0 });
    expect(outcomes).toEqual([]);
    expect(chats(f)).toHaveLength(1);
  });

  it('rides out 429 with retry-after and 503s', async () => {
    const f = await serve({
      flavour: 'openrouter',
      models: ['qwen/qwen2.5-vl-72b-instruct'],
      retryAfterSeconds: 1,
      fault: (r) => (r.attempt === 1 ? (r.index % 2 === 0 ? '429' : '503') : undefined),
    });
    const { done } = run(f.url, 'qwen/qwen2.5-vl-72b-instruct');
    expect(await done).toMatchObject({ status: 'completed', captioned: jobs.length });
  });

  it("OpenAI's reasoning models: asked the way they accept after the first refusal", async () => {
    const f = await serve({
      flavour: 'openai',
      apiKey: 'sk-good',
      models: [{ id: 'o4-mini', reasoningParameters: true }],
    });
    const { done } = run(f.url, 'o4-mini', { apiKey: 'sk-good' });
    expect(await done).toMatchObject({ status: 'completed', captioned: jobs.length });
    const refused = chats(f).filter((r) => r.status === 400);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(2); // the first request of each concurrent worker at most
  });

  it('an unknown model lists what the server offers', async () => {
    const f = await serve({ flavour: 'ollama', models: ['qwen2.5vl:7b', 'llava:13b'] });
    const summary = await run(f.url, 'qwen2.5-vl').done;
    expect(summary.status).toBe('model-not-found');
    expect(summary.message).toMatch(/qwen2\.5vl:7b, llava:13b/u);
  });
});
