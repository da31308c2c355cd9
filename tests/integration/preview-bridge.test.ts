import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../src/preview/server';
import { createHttpBridge } from '../../src/renderer/src/api/http-bridge';
import { type PathPromptRequest, setPathPromptHandler } from '../../src/renderer/src/api/path-prompt';
import type { RendererApi } from '../../src/renderer/src/api/types';
import { callNames, type Events, eventNames, listenerNameOf } from '../../src/shared/contract';
import { PREVIEW_TOKEN_HEADER } from '../../src/shared/preview-protocol';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { copyFixtures, removeDir } from '../support/fixtures';
import { eventSourceWithHeaders, startTestPreview } from './preview-harness';

/** The renderer's HTTP bridge against the real preview server, services and fake Gemini behind it. */

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const envelope = await p;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

describe('HTTP bridge over the preview server', () => {
  let gemini: FakeGemini;
  let root: string;
  let server: PreviewServer;
  let bridge: RendererApi;
  const makeEventSource = () => eventSourceWithHeaders({ [PREVIEW_TOKEN_HEADER]: server.token });
  let events: ReturnType<typeof makeEventSource>;

  beforeAll(async () => {
    gemini = await startFakeGemini({ latencyMs: 5 });
    ({ root, server } = await startTestPreview({ GOOGLE_GEMINI_BASE_URL: gemini.url, GEMINI_API_KEY: FAKE_API_KEY }));
    events = makeEventSource();
    bridge = createHttpBridge(server.origin, server.token, { EventSource: events });
    await value(bridge.setSettings({ rpm: 6000 }));
  });
  afterAll(async () => {
    setPathPromptHandler(null);
    await server.close();
    await gemini.close();
    await removeDir(root);
  });

  it('has exactly the surface of the preload (every call and event); a page cannot know dropped paths', () => {
    const expected = [...callNames, ...eventNames.map(listenerNameOf), 'pathsForFiles', 'mediaUrl'];
    expect(Object.keys(bridge).sort()).toEqual(expected.sort());
    for (const fn of Object.values(bridge)) expect(fn).toBeTypeOf('function');
    expect(bridge.pathsForFiles([])).toBeNull();
    expect(bridge.mediaUrl('thumb', 's1', 'i_2')).toBe(`${server.origin}/media/thumb/s1/i_2`);
  });

  it('creates, imports and captions a dataset, hearing progress and the end over events', async () => {
    const finished = new Promise<Events['runFinished']>((resolve) => {
      const off = bridge.onRunFinished((e) => {
        off();
        resolve(e);
      });
    });
    const updates: Array<Events['imageUpdated']> = [];
    const offUpdates = bridge.onImageUpdated((e) => updates.push(e));
    await events.connected;

    const dataset = await value(bridge.createDataset({ trigger: 'my_cat' }));
    const report = await value(bridge.importPaths(dataset.id, [await copyFixtures(root)]));
    expect(report).toMatchObject({ added: 12, total: 12 });
    await value(bridge.startRun(dataset.id, {}));
    const { summary } = await finished;
    expect(summary).toMatchObject({ status: 'completed', captioned: 11 });
    offUpdates();
    expect(updates).toHaveLength(11);

    const image = (await value(bridge.openDataset(dataset.id))).images[0];
    const saved = await value(bridge.setCaption(dataset.id, image?.id ?? '', 'photo of my_cat a cat\non a mat'));
    expect(saved).toMatchObject({ caption: 'photo of my_cat a cat on a mat', status: 'edited' });

    const thumb = await fetch(bridge.mediaUrl('thumb', dataset.id, image?.id ?? ''), {
      headers: { [PREVIEW_TOKEN_HEADER]: server.token },
    });
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
  });

  it('returns typed error envelopes for refusals and for a wrong token', async () => {
    const bad = await bridge.createDataset({ trigger: 'a b' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.kind).toBe('validation');
    const stranger = createHttpBridge(server.origin, 'wrong-token');
    const refused = await stranger.listDatasets();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/token/u);
    const offline = createHttpBridge('http://127.0.0.1:9', server.token);
    const down = await offline.listDatasets();
    expect(down.ok).toBe(false);
  });

  it('answers the dialog calls in the page through the path prompt', async () => {
    expect(await bridge.chooseFolder()).toEqual({ ok: true, value: null });
    const asked: PathPromptRequest[] = [];
    setPathPromptHandler(async (request) => {
      asked.push(request);
      return request.kind === 'save' ? ['/tmp/out/my_cat_training.zip'] : ['/photos/a', '/photos/b'];
    });
    expect(await bridge.chooseFolder()).toEqual({ ok: true, value: ['/photos/a', '/photos/b'] });
    expect(await bridge.chooseFiles()).toEqual({ ok: true, value: ['/photos/a', '/photos/b'] });
    expect(await bridge.chooseExportPath('my_cat_training.zip')).toEqual({
      ok: true,
      value: '/tmp/out/my_cat_training.zip',
    });
    expect(asked).toEqual([
      { kind: 'folder' },
      { kind: 'files' },
      { kind: 'save', defaultValue: 'my_cat_training.zip' },
    ]);
  });
});
