import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { maskKey } from '../../src/core/secrets';
import type { KeyStatus } from '../../src/shared/contract';
import type { DatasetManifest } from '../../src/shared/dataset';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { copyFixtures, removeDir } from '../support/fixtures';
import { type Harness, ok, refused, startHarness } from './handlers-harness';

/** The API key through the handlers: checked against the (fake) API, stored in the key store, never sent back. */

const WRONG_KEY = 'AIzaWrongWrongWrongWrongWrongWrong12345';
/** The fake server's key has the shape of a real one (39 characters), so it passes the app's format check. */
const GOOD_KEY = FAKE_API_KEY;

describe('backend handlers: the Gemini API key', () => {
  let gemini: FakeGemini;
  let h: Harness;

  beforeAll(async () => {
    gemini = await startFakeGemini();
  });
  afterEach(async () => {
    await h.backend.shutdown();
    await removeDir(h.root);
  });
  afterAll(async () => {
    await gemini.close();
  });

  const harness = async (env: NodeJS.ProcessEnv = {}, key: string | null = null) => {
    h = await startHarness({ env: { GOOGLE_GEMINI_BASE_URL: gemini.url, ...env }, key });
    return h;
  };

  it('refuses malformed and rejected keys without storing them, then stores a good one masked', async () => {
    await harness();
    expect(await ok<KeyStatus>(h, 'keyStatus')).toEqual({ present: false, source: null, masked: null });

    const malformed = await refused(h, 'setKey', 'has spaces in it but is long enough');
    expect(malformed.kind).toBe('validation');
    const rejected = await refused(h, 'setKey', WRONG_KEY);
    expect(rejected.kind).toBe('invalid-key');
    expect(JSON.stringify(rejected)).not.toContain(WRONG_KEY);
    expect(await h.keyStore.get()).toBeNull();

    const status = await ok<KeyStatus>(h, 'setKey', `  ${GOOD_KEY} `);
    expect(status).toEqual({ present: true, source: 'keychain', masked: maskKey(GOOD_KEY) });
    expect(JSON.stringify(status)).not.toContain(GOOD_KEY);
    expect(await h.keyStore.get()).toBe(GOOD_KEY);

    expect(await ok<KeyStatus>(h, 'testKey')).toMatchObject({ present: true, source: 'keychain' });
    expect(await ok<KeyStatus>(h, 'removeKey')).toEqual({ present: false, source: null, masked: null });
    expect((await refused(h, 'testKey')).kind).toBe('invalid-key');
  });

  it('lets the environment key override the stored one', async () => {
    await harness({ GEMINI_API_KEY: FAKE_API_KEY }, WRONG_KEY);
    expect(await ok<KeyStatus>(h, 'keyStatus')).toMatchObject({ present: true, source: 'environment' });
    expect(await ok<KeyStatus>(h, 'testKey')).toMatchObject({ source: 'environment' });
    expect(await ok<KeyStatus>(h, 'removeKey')).toMatchObject({ present: true, source: 'environment' });
  });

  it('refuses to start a run without a key, with the kind that leads to Settings', async () => {
    await harness();
    const dataset = await ok<DatasetManifest>(h, 'createDataset', { trigger: 'my_cat' });
    const error = await refused(h, 'startRun', dataset.id, {});
    expect(error.kind).toBe('invalid-key');
    expect(error.message).toMatch(/Settings/u);
    expect(h.backend.hasActiveRuns()).toBe(false);
  });

  it('reports a key Gemini rejects in the run summary, with nothing captioned', async () => {
    await harness({}, WRONG_KEY);
    const dataset = await ok<DatasetManifest>(h, 'createDataset', { trigger: 'my_cat' });
    await ok(h, 'importPaths', dataset.id, [await copyFixtures(h.root)]);
    await ok(h, 'startRun', dataset.id, {});
    const { summary } = await h.next('runFinished');
    expect(summary).toMatchObject({ status: 'invalid-key', captioned: 0 });
    expect(summary.message).not.toContain(WRONG_KEY);
    expect(h.of('imageUpdated')).toHaveLength(0);
  });
});
