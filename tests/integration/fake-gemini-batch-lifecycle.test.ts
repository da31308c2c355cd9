import type { InlinedRequest } from '@google/genai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { apiError, CAPTION_CONFIG, captionContents, inlineImage, jpeg, sdkClient } from '../support/gemini-sdk';

/**
 * A batch's life in the fake: progress a test controls, cancel, the end states, what the service refuses at
 * create, unknown batches, and a restart that keeps batches and files (an app reopened polls the same job).
 */

const MODEL = 'gemini-2.5-flash';
let fake: FakeGemini;
let request: InlinedRequest;
beforeAll(async () => {
  request = { contents: captionContents(inlineImage(await jpeg('#777700'))), config: CAPTION_CONFIG };
});
afterEach(() => fake?.close());

const create = (src: InlinedRequest[] = [request, request], model = MODEL) =>
  sdkClient(fake).batches.create({ model, src });

/** The raw operation the service sends, to check what the SDK does not pass on. */
async function rawOperation(name: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${fake.url}/v1beta/${name}`, { headers: { 'x-goog-api-key': FAKE_API_KEY } });
  return (await res.json()) as Record<string, unknown>;
}

describe('fake Gemini batch lifecycle', () => {
  it('stays where it is under manual progress, moves on advanceBatch, and cancels once', async () => {
    fake = await startFakeGemini({ batchProgress: 'manual' });
    const ai = sdkClient(fake);
    const name = (await create()).name ?? '';
    expect((await ai.batches.get({ name })).state).toBe('JOB_STATE_PENDING');
    expect(await rawOperation(name)).toEqual({
      name,
      metadata: {
        '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch',
        model: `models/${MODEL}`,
        createTime: expect.any(String),
        updateTime: expect.any(String),
        batchStats: { requestCount: '2', pendingRequestCount: '2' },
        state: 'BATCH_STATE_PENDING',
        name,
      },
    });
    expect(fake.advanceBatch(name)).toBe('RUNNING');
    expect((await ai.batches.get({ name })).state).toBe('JOB_STATE_RUNNING');

    await ai.batches.cancel({ name });
    const cancelled = await ai.batches.get({ name });
    expect(cancelled.state).toBe('JOB_STATE_CANCELLED');
    expect(cancelled.dest).toBeUndefined();
    expect(await rawOperation(name)).toMatchObject({ done: true, metadata: { batchStats: { requestCount: '2' } } });
    const again = await apiError(ai.batches.cancel({ name }));
    expect(again.status).toBe(400);
    expect(JSON.parse(again.message).error.status).toBe('FAILED_PRECONDITION');
  });

  it('ends in the configured state on its own, or in the one a test settles it in', async () => {
    fake = await startFakeGemini({ batchEndState: 'EXPIRED' });
    const ai = sdkClient(fake);
    const expiring = (await create()).name ?? '';
    await ai.batches.get({ name: expiring });
    expect((await ai.batches.get({ name: expiring })).state).toBe('JOB_STATE_EXPIRED');

    const failing = (await create()).name ?? '';
    fake.settleBatch(failing, 'FAILED');
    const failed = await ai.batches.get({ name: failing });
    expect(failed.state).toBe('JOB_STATE_FAILED');
    expect(failed.dest).toBeUndefined();
    expect(await rawOperation(failing)).toMatchObject({ done: true, error: { code: 13 } });
    expect(() => fake.settleBatch(failing, 'SUCCEEDED')).toThrow(/already ended/u);
  });

  it('lists and deletes batches; an unknown batch is a 404', async () => {
    fake = await startFakeGemini();
    const ai = sdkClient(fake);
    const a = (await create()).name;
    const b = (await create()).name;
    const listed: string[] = [];
    for await (const job of await ai.batches.list({ config: { pageSize: 1 } })) listed.push(job.name ?? '');
    expect(listed.sort()).toEqual([a, b].sort());

    await ai.batches.delete({ name: a ?? '' });
    const gone = await apiError(ai.batches.get({ name: a ?? '' }));
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.message).error.status).toBe('NOT_FOUND');
    expect((await apiError(ai.batches.cancel({ name: 'batches/nosuchbatch' }))).status).toBe(404);
    expect(fake.requests.at(-1)).toMatchObject({ kind: 'batches.cancel', outcome: 'not-found' });
  });

  it('refuses at create what the front end checks: model, size, base64, input file', async () => {
    fake = await startFakeGemini();
    const unknownModel = await apiError(create([request], 'gemini-0-nope'));
    expect(unknownModel.status).toBe(404);
    expect(unknownModel.message).toContain('not supported for batchGenerateContent');

    const sevenMiB = 'A'.repeat(7 * 1024 * 1024);
    const big = { contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/jpeg', data: sevenMiB } }] }] };
    const tooBig = await apiError(create([big, big, big]));
    expect(tooBig.status).toBe(400);
    expect(JSON.parse(tooBig.message).error.message).toBe('Request payload size exceeds the limit: 20971520 bytes.');

    const broken = { contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/jpeg', data: '%%' } }] }] };
    const undecodable = await apiError(create([request, broken]));
    expect(undecodable.message).toContain("'batch.input_config.requests.requests[1].request.contents[0]");

    const noFile = await apiError(sdkClient(fake).batches.create({ model: MODEL, src: 'files/nosuchfile' }));
    expect(noFile.status).toBe(403);
    expect(fake.state.batches.size).toBe(0);
  });

  it('keeps batches and files across a restart: the reopened client polls the same job to its end', async () => {
    fake = await startFakeGemini();
    const file = await sdkClient(fake).files.upload({ file: new Blob(['{}'], { type: 'application/json' }) });
    const name = (await create()).name ?? '';
    const { state } = fake;
    await fake.close();

    fake = await startFakeGemini({ state });
    const ai = sdkClient(fake);
    expect((await ai.files.get({ name: file.name ?? '' })).uri).toBe(`${fake.url}/v1beta/${file.name}`);
    expect((await ai.batches.get({ name })).state).toBe('JOB_STATE_RUNNING');
    expect((await ai.batches.get({ name })).dest?.inlinedResponses).toHaveLength(2);
    expect(fake.requests.filter((r) => r.kind === 'batches.create')).toEqual([]);
    expect(state.batches.size).toBe(1);
  });
});
