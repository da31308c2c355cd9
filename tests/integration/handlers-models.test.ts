import { afterEach, describe, expect, it } from 'vitest';
import type { KeyStatus, ListedModel } from '../../src/shared/contract';
import type { DatasetManifest } from '../../src/shared/dataset';
import { withProvider } from '../../src/shared/provider-settings';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { closedPortUrl, type FakeOpenAi, startFakeOpenAi } from '../fake-openai';
import { copyFixtures, removeDir } from '../support/fixtures';
import { type Harness, ok, refused, startHarness } from './handlers-harness';

/** Choosing who captions, through the handlers: model lists, server keys, and a run on an OpenAI-compatible server. */

let h: Harness | null = null;
let gemini: FakeGemini | null = null;
let server: FakeOpenAi | null = null;
afterEach(async () => {
  await h?.backend.shutdown();
  if (h) await removeDir(h.root);
  await gemini?.close();
  await server?.close();
  h = null;
  gemini = null;
  server = null;
});

describe('listModels', () => {
  it("Gemini: the key's models that can caption, the known ones first with price and free quota", async () => {
    gemini = await startFakeGemini();
    h = await startHarness({ env: { GOOGLE_GEMINI_BASE_URL: gemini.url }, key: FAKE_API_KEY });
    const models = await ok<ListedModel[]>(h, 'listModels', { provider: 'gemini' });
    const ids = models.map((m) => m.id);
    expect(ids.slice(0, 3)).toEqual(['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.5-pro']);
    expect(ids).toContain('gemma-3-27b-it');
    expect(ids).not.toContain('text-embedding-004'); // embeds, cannot caption
    const flash = models.find((m) => m.id === 'gemini-2.5-flash');
    expect(flash).toMatchObject({ known: true, freeRequestsPerDay: 20 });
    expect(flash?.costPerThousand).toBeCloseTo(0.162, 3);
    expect(flash?.batchCostPerThousand).toBeCloseTo(0.081, 3);
    expect(models.find((m) => m.id === 'gemma-3-27b-it')).toMatchObject({
      costPerThousand: 0,
      freeRequestsPerDay: 14_400,
    });
    expect(gemini.requests.every((r) => r.kind !== 'generateContent')).toBe(true); // no tokens spent
  });

  it('Gemini without a key says what to do', async () => {
    h = await startHarness();
    expect(await refused(h, 'listModels', { provider: 'gemini' })).toMatchObject({ kind: 'invalid-key' });
  });

  it("a server: its own list, with OpenRouter's vision flags", async () => {
    server = await startFakeOpenAi({
      flavour: 'openrouter',
      models: ['qwen/qwen2.5-vl-72b-instruct', { id: 'meta/llama-3-8b', vision: 'error' }],
    });
    h = await startHarness();
    const models = await ok<ListedModel[]>(h, 'listModels', { provider: 'openai', baseUrl: `${server.url}/` });
    expect(models.map((m) => [m.id, m.vision])).toEqual([
      ['meta/llama-3-8b', false],
      ['qwen/qwen2.5-vl-72b-instruct', true],
    ]);
  });

  it('a server that is not running: one sentence', async () => {
    h = await startHarness();
    const error = await refused(h, 'listModels', { provider: 'openai', baseUrl: await closedPortUrl() });
    expect(error).toMatchObject({ kind: 'network', message: expect.stringMatching(/Nothing answers at .*running/u) });
  });
});

describe('server keys', () => {
  it('are tested before they are stored, masked, per address, and OPENAI_API_KEY wins', async () => {
    server = await startFakeOpenAi({ flavour: 'openai', apiKey: 'sk-good-key-0123456789', models: ['gpt-4.1-mini'] });
    h = await startHarness();
    expect(await refused(h, 'setServerKey', server.url, 'sk-wrong-key-0000000000')).toMatchObject({
      kind: 'invalid-key',
    });
    expect(await ok<KeyStatus>(h, 'serverKeyStatus', server.url)).toMatchObject({ present: false });

    const stored = await ok<KeyStatus>(h, 'setServerKey', `${server.url}/`, 'sk-good-key-0123456789');
    expect(stored).toEqual({ present: true, source: 'keychain', masked: 'sk-g…6789' });
    expect(await ok<KeyStatus>(h, 'serverKeyStatus', 'http://127.0.0.1:1/v1')).toMatchObject({ present: false });
    const models = await ok<ListedModel[]>(h, 'listModels', { provider: 'openai', baseUrl: server.url });
    expect(models.map((m) => m.id)).toEqual(['gpt-4.1-mini']);
    expect(await ok<KeyStatus>(h, 'removeServerKey', server.url)).toMatchObject({ present: false });
    await h.backend.shutdown();
    await removeDir(h.root);

    h = await startHarness({ env: { OPENAI_API_KEY: 'sk-from-the-environment-1' } });
    expect(await ok<KeyStatus>(h, 'serverKeyStatus', server.url)).toMatchObject({
      present: true,
      source: 'environment',
    });
  });
});

describe('a run on an OpenAI-compatible server', () => {
  it('captions through the server and records model and provider on each caption', async () => {
    server = await startFakeOpenAi({ flavour: 'ollama', models: ['qwen2.5vl:7b'] });
    h = await startHarness();
    const dataset = await ok<DatasetManifest>(h, 'createDataset', { trigger: 'my_cat' });
    const settings = { ...withProvider(dataset.settings, 'openai', server.url), model: 'qwen2.5vl:7b' };
    await ok(h, 'updateDatasetSettings', dataset.id, settings);
    await ok(h, 'importPaths', dataset.id, [await copyFixtures(h.root)]);
    await ok(h, 'startRun', dataset.id, {});
    const { summary } = await h.next('runFinished');
    // 12 imported, one already captioned by its .txt.
    expect(summary).toMatchObject({ status: 'completed', captioned: 11 });
    const images = (await ok<DatasetManifest>(h, 'openDataset', dataset.id)).images;
    const byModel = images.filter((i) => i.captionSource === 'model');
    expect(byModel.length).toBe(11);
    for (const i of byModel) expect(i).toMatchObject({ model: 'qwen2.5vl:7b', provider: 'openai' });
  });
});
