import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { GoogleGenAI } from '@google/genai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyGeminiError as classifyError, createGeminiProvider } from '../../src/core/captioner';
import { normaliseCaption } from '../../src/shared/normalise';
import { describeImage, FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { answerFor } from '../fake-gemini/captions';
import { apiError, jpeg as makeJpeg, sdkClient } from '../support/gemini-sdk';

/** The fake must behave like the real API for the real client, or the other tests prove nothing. */

let fake: FakeGemini;
let jpeg: string;

beforeAll(async () => {
  jpeg = (await makeJpeg('#884422')).toString('base64');
});
afterEach(() => fake?.close());

const client = (apiKey = FAKE_API_KEY) => sdkClient(fake, apiKey);

const ask = (ai: GoogleGenAI, model = 'gemini-2.5-flash', config: Record<string, unknown> = {}, data = jpeg) =>
  ai.models.generateContent({
    model,
    contents: [
      { role: 'user', parts: [{ inlineData: { mimeType: 'image/jpeg', data } }, { text: 'photo of my_cat' }] },
    ],
    config: { maxOutputTokens: 400, thinkingConfig: { thinkingBudget: 0 }, ...config },
  });

describe('fake Gemini protocol', () => {
  it('wraps answers in noise that normaliseCaption always cleans to the same caption', () => {
    const key = 'ab'.repeat(32);
    for (let variant = 0; variant < 8; variant++) {
      expect(normaliseCaption(answerFor(key, 'my_cat', variant), 'my_cat')).toBe(
        `photo of my_cat ${describeImage(key)}`,
      );
    }
  });

  it('answers generateContent with text, usage and a deterministic caption', async () => {
    fake = await startFakeGemini({ noise: false });
    const r = await ask(client());
    expect(r.text).toMatch(/^a .+ tones$/u);
    expect(r.candidates?.[0]?.finishReason).toBe('STOP');
    expect(r.usageMetadata?.promptTokenCount).toBeGreaterThan(258);
    const again = await ask(client());
    expect(again.text).toBe(r.text);
    expect(fake.requests.map((q) => q.attempt)).toEqual([1, 2]);
  });

  it('rejects missing and wrong keys with the real bodies', async () => {
    fake = await startFakeGemini();
    const res = await fetch(`${fake.url}/v1beta/models`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { status: string } }).error.status).toBe('PERMISSION_DENIED');
    const wrong = await apiError(ask(client('nope-key')));
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.message).error.details[0].reason).toBe('API_KEY_INVALID');
    expect(classifyError(wrong).kind).toBe('invalid-key');
  });

  it('accepts the key as a query parameter and the /v1/ path; lists and gets models', async () => {
    fake = await startFakeGemini();
    const list = await fetch(`${fake.url}/v1/models?key=${FAKE_API_KEY}`);
    const { models } = (await list.json()) as { models: Array<{ name: string }> };
    expect(models.map((m) => m.name)).toContain('models/gemini-2.5-flash');
    const got = await client().models.get({ model: 'gemini-2.5-pro' });
    expect(got.name).toBe('models/gemini-2.5-pro');
    const missing = await apiError(client().models.get({ model: 'gemini-0' }));
    expect(missing.status).toBe(404);
  });

  it('validates the body: bad JSON, bad base64, non-image bytes, unsupported type', async () => {
    fake = await startFakeGemini();
    const post = (body: string) =>
      fetch(`${fake.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
        method: 'POST',
        headers: { 'x-goog-api-key': FAKE_API_KEY, 'content-type': 'application/json' },
        body,
      });
    expect((await post('{not json')).status).toBe(400);
    expect((await post(JSON.stringify({ contents: [] }))).status).toBe(400);
    const b64 = await apiError(ask(client(), 'gemini-2.5-flash', {}, '!!!not base64!!!'));
    expect(b64.status).toBe(400);
    const notJpeg = await apiError(ask(client(), 'gemini-2.5-flash', {}, Buffer.from('hello').toString('base64')));
    expect(classifyError(notJpeg).kind).toBe('bad-input');
    const gif = await post(
      JSON.stringify({ contents: [{ parts: [{ inlineData: { mimeType: 'image/gif', data: jpeg } }] }] }),
    );
    expect(gif.status).toBe(400);
  });

  it('simulates thinking: 2.5 Flash without budget 0 runs out of a small cap; Pro refuses budget 0', async () => {
    fake = await startFakeGemini({ thinkingTokens: 300 });
    const thinking = await ask(client(), 'gemini-2.5-flash', { thinkingConfig: undefined, maxOutputTokens: 200 });
    expect(thinking.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
    expect(thinking.text).toBeUndefined();
    expect(thinking.usageMetadata?.thoughtsTokenCount).toBe(200);
    const pro = await apiError(ask(client(), 'gemini-2.5-pro'));
    expect(pro.status).toBe(400);
    expect(pro.message).toContain('Budget 0 is invalid. This model only works in thinking mode.');
    const proOk = await ask(client(), 'gemini-2.5-pro', {
      thinkingConfig: { thinkingBudget: 128 },
      maxOutputTokens: 2048,
    });
    expect(proOk.text).toBeTruthy();
    expect(proOk.usageMetadata?.thoughtsTokenCount).toBe(128);
  });

  it('enforces requests per minute with RetryInfo, and a daily quota with the PerDay quota id', async () => {
    fake = await startFakeGemini({ rpm: 2, dailyQuota: { 'gemini-2.5-flash-lite': 1 } });
    await ask(client());
    await ask(client());
    const limited = await apiError(ask(client()));
    expect(limited.status).toBe(429);
    const f = classifyError(limited);
    expect(f.kind).toBe('rate-limit');
    expect(f.kind === 'rate-limit' && f.retryAfterMs).toBeGreaterThanOrEqual(59_000);
    await ask(client(), 'gemini-2.5-flash-lite', { thinkingConfig: undefined });
    const daily = await apiError(ask(client(), 'gemini-2.5-flash-lite', { thinkingConfig: undefined }));
    expect(JSON.parse(daily.message).error.details[0].violations[0].quotaId).toContain('PerDay');
    expect(classifyError(daily).kind).toBe('daily-quota');
  });

  it('injects faults: safety, prompt block, drop', async () => {
    const faults = ['safety', 'prompt-block', 'drop'] as const;
    fake = await startFakeGemini({ fault: (r) => faults[r.index] });
    const safety = await ask(client());
    expect(safety.candidates?.[0]?.finishReason).toBe('SAFETY');
    expect(safety.text).toBeUndefined();
    const blocked = await ask(client());
    expect(blocked.promptFeedback?.blockReason).toBe('PROHIBITED_CONTENT');
    expect(blocked.candidates).toBeUndefined();
    const dropped = await ask(client()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(classifyError(dropped).kind).toBe('network');
    expect(fake.requests.map((r) => r.outcome)).toEqual(['safety', 'prompt-block', 'drop']);
  });
});

describe('pointing the app at the fake', () => {
  it('the SDK honours GOOGLE_GEMINI_BASE_URL when no baseUrl is given', async () => {
    fake = await startFakeGemini();
    const before = process.env.GOOGLE_GEMINI_BASE_URL;
    process.env.GOOGLE_GEMINI_BASE_URL = fake.url;
    try {
      const check = (apiKey: string) => createGeminiProvider({ apiKey }).check('gemini-2.5-flash');
      await check(FAKE_API_KEY);
      await expect(check('wrong-key-000')).rejects.toMatchObject({ kind: 'invalid-key' });
    } finally {
      if (before === undefined) delete process.env.GOOGLE_GEMINI_BASE_URL;
      else process.env.GOOGLE_GEMINI_BASE_URL = before;
    }
    expect(fake.requests.map((r) => r.outcome)).toEqual(['ok', 'invalid-key']);
  });

  it('cli.ts prints FAKE_GEMINI_URL and serves until killed', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fake-gemini/cli.ts', '--port', '0', '--rpm', '60'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      let out = '';
      while (!/FAKE_GEMINI_URL=\S+\n/u.test(out)) {
        const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
        out += chunk.toString();
      }
      const url = /FAKE_GEMINI_URL=(\S+)/u.exec(out)?.[1] ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
      const res = await fetch(`${url}/v1beta/models`, { headers: { 'x-goog-api-key': FAKE_API_KEY } });
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
