import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_REPLICATE_TOKEN, type FakeReplicate, startFakeReplicate, TRAINER_MODEL } from '../fake-replicate';
import { apiFailure, clientFor } from '../fake-replicate/test-kit';

/**
 * The fake Replicate's account, hardware and model routes driven by the real `replicate` client: what the app
 * reads when it tests a token, looks up the trainer's latest version and creates the destination model, and
 * the errors it must put in plain words.
 */

let fake: FakeReplicate;
afterEach(() => fake?.close());

const [trainerOwner = '', trainerName = ''] = TRAINER_MODEL.split('/');

describe('fake Replicate: tokens and account (real replicate client)', () => {
  it('names the account of a valid token, sent as Bearer', async () => {
    fake = await startFakeReplicate();
    const account = await clientFor(fake).accounts.current();
    expect(account).toEqual({
      type: 'user',
      username: 'caption-tester',
      name: 'Caption Tester',
      github_url: 'https://github.com/caption-tester',
    });
    expect(fake.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v1/account',
      kind: 'accounts.current',
      authorization: 'bearer',
      authorized: true,
      status: 200,
    });
  });

  it('answers a wrong token with 401 Unauthenticated, which the client throws as ApiError', async () => {
    fake = await startFakeReplicate();
    const failure = await apiFailure(clientFor(fake, 'r8_notTheRightToken').accounts.current());
    expect(failure.status).toBe(401);
    expect(failure.body).toEqual({
      title: 'Unauthenticated',
      detail: 'You did not pass a valid authentication token',
      status: 401,
    });
    expect(failure.error.message).toMatch(/^Request to http:\/\/127\.0\.0\.1:\d+\/v1\/account failed with status 401/u);
    expect(failure.error.response.headers.get('content-type')).toBe('application/problem+json');
    // The client has read the body to quote it: an app cannot read error.response again.
    expect(failure.error.response.bodyUsed).toBe(true);
  });

  it('answers a missing token with its own detail, and takes the older Token scheme', async () => {
    fake = await startFakeReplicate();
    // The client sends no Authorization header without a token (it would fall back to REPLICATE_API_TOKEN).
    const noToken = await fetch(`${fake.url}/account`);
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toMatchObject({ detail: 'You did not pass an authentication token' });
    const tokenScheme = await fetch(`${fake.url}/account`, {
      headers: { authorization: `Token ${FAKE_REPLICATE_TOKEN}` },
    });
    expect(tokenScheme.status).toBe(200);
    expect(fake.requests.map((r) => [r.authorization, r.status])).toEqual([
      ['missing', 401],
      ['token', 200],
    ]);
  });

  it('accepts the token and account a test configures', async () => {
    fake = await startFakeReplicate({ token: 'r8_anotherToken', username: 'student-42' });
    expect((await clientFor(fake, 'r8_anotherToken').accounts.current()).username).toBe('student-42');
    expect((await apiFailure(clientFor(fake).accounts.current())).status).toBe(401);
  });
});

describe('fake Replicate: hardware and models (real replicate client)', () => {
  it('lists hardware as {sku, name}', async () => {
    fake = await startFakeReplicate();
    const hardware = await clientFor(fake).hardware.list();
    expect(hardware.slice(0, 2)).toEqual([
      { sku: 'cpu', name: 'CPU' },
      { sku: 'gpu-t4', name: 'Nvidia T4 GPU' },
    ]);
    expect(hardware.map((h) => h.sku)).toContain('gpu-h100');
  });

  it('serves the trainer with a latest version whose schema has the training inputs and their defaults', async () => {
    fake = await startFakeReplicate();
    const model = await clientFor(fake).models.get(trainerOwner, trainerName);
    expect(model).toMatchObject({ owner: 'ostris', name: 'flux-dev-lora-trainer', visibility: 'public' });
    expect(model.url).toBe('https://replicate.com/ostris/flux-dev-lora-trainer');
    const latest = model.latest_version;
    expect(latest?.id).toMatch(/^[0-9a-f]{64}$/u);
    const schema = latest?.openapi_schema as {
      components: { schemas: { TrainingInput: { properties: Record<string, Record<string, unknown>> } } };
    };
    const inputs = schema.components.schemas.TrainingInput.properties;
    expect(inputs.steps).toMatchObject({ type: 'integer', default: 1000, minimum: 3, maximum: 6000 });
    expect(inputs.lora_rank).toMatchObject({ type: 'integer', default: 16 });
    expect(inputs.learning_rate).toMatchObject({ type: 'number', default: 0.0004 });
    expect(inputs.autocaption).toMatchObject({ type: 'boolean', default: true });
    expect(inputs.trigger_word).toMatchObject({ type: 'string', default: 'TOK' });
    expect(inputs.input_images).toMatchObject({ type: 'string', format: 'uri' });
    expect(inputs.resolution).toMatchObject({ default: '512,768,1024' });
    expect(inputs.caption_dropout_rate).toMatchObject({ default: 0.05 });
    expect(inputs.batch_size).toMatchObject({ default: 1 });
  });

  it('lists and gets versions, newest first; an unknown model or version is 404 "Not found."', async () => {
    fake = await startFakeReplicate();
    const replicate = clientFor(fake);
    const versions = await replicate.models.versions.list(trainerOwner, trainerName);
    expect(versions.next).toBeNull();
    const [latest] = versions.results;
    expect(await replicate.models.versions.get(trainerOwner, trainerName, latest?.id ?? '')).toEqual(latest);

    const missing = await apiFailure(replicate.models.get('nobody', 'nothing'));
    expect([missing.status, missing.body]).toEqual([404, { detail: 'Not found.', status: 404 }]);
    const noVersion = await apiFailure(replicate.models.versions.get(trainerOwner, trainerName, 'f'.repeat(64)));
    expect(noVersion.status).toBe(404);
  });

  it('creates a private destination model that only its owner can see', async () => {
    fake = await startFakeReplicate();
    const replicate = clientFor(fake);
    const created = await replicate.models.create('caption-tester', 'ide-main-hall', {
      visibility: 'private',
      hardware: 'gpu-t4',
      description: 'LoRA of the main hall',
    });
    expect(created).toMatchObject({
      owner: 'caption-tester',
      name: 'ide-main-hall',
      visibility: 'private',
      description: 'LoRA of the main hall',
      run_count: 0,
      latest_version: null,
      url: 'https://replicate.com/caption-tester/ide-main-hall',
    });
    expect(await replicate.models.get('caption-tester', 'ide-main-hall')).toEqual(created);

    fake.setBehaviour({ token: 'r8_someoneElse', username: 'someone-else' });
    const hidden = await apiFailure(clientFor(fake, 'r8_someoneElse').models.get('caption-tester', 'ide-main-hall'));
    expect(hidden.status).toBe(404);
  });

  it('refuses a model without hardware, with a bad name or visibility, as Replicate words a 422', async () => {
    fake = await startFakeReplicate();
    const replicate = clientFor(fake);
    const create = (name: string, options: Record<string, unknown>) =>
      replicate.models.create('caption-tester', name, options as never);

    const noHardware = await apiFailure(create('hall', { visibility: 'private' }));
    expect(noHardware.status).toBe(422);
    expect(noHardware.body).toEqual({
      title: 'Input validation failed',
      detail: '- hardware is required\n',
      status: 422,
      invalid_fields: [{ type: 'required', field: '', description: 'hardware is required' }],
    });

    const bad = await apiFailure(create('Main Hall!', { visibility: 'secret', hardware: 'gpu-t4' }));
    expect(bad.body.invalid_fields).toEqual([
      { type: 'pattern', field: 'name', description: "Does not match pattern '^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$'" },
      {
        type: 'enum',
        field: 'visibility',
        description: 'visibility must be one of the following: "public", "private"',
      },
    ]);
  });

  it('refuses a name the owner already has (409) and another owner (403)', async () => {
    fake = await startFakeReplicate();
    const replicate = clientFor(fake);
    const options = { visibility: 'private', hardware: 'cpu' } as const;
    await replicate.models.create('caption-tester', 'hall', options);
    const again = await apiFailure(replicate.models.create('caption-tester', 'hall', options));
    expect([again.status, again.body.detail]).toEqual([409, 'A model with that name and owner already exists.']);
    const elsewhere = await apiFailure(replicate.models.create('ostris', 'hall', options));
    expect(elsewhere.status).toBe(403);
  });
});

describe('fake Replicate: faults, against the client retry rules', () => {
  it('the client retries a GET on 5xx and any call on 429, but not a POST on 5xx', async () => {
    fake = await startFakeReplicate({
      fault: (r) => (r.attempt === 1 ? (r.method === 'GET' ? '503' : '429') : undefined),
    });
    const replicate = clientFor(fake);
    await replicate.hardware.list();
    await replicate.models.create('caption-tester', 'hall', { visibility: 'private', hardware: 'cpu' });
    expect(fake.requests.map((r) => [r.kind, r.status])).toEqual([
      ['hardware.list', 503],
      ['hardware.list', 200],
      ['models.create', 429],
      ['models.create', 201],
    ]);

    fake.setBehaviour({ fault: (r) => (r.kind === 'models.create' ? '500' : undefined) });
    const failure = await apiFailure(
      replicate.models.create('caption-tester', 'other', { visibility: 'private', hardware: 'cpu' }),
    );
    expect([failure.status, failure.body.detail]).toEqual([500, 'Internal server error']);
    expect(fake.requests.filter((r) => r.path === '/v1/models' && r.status === 500)).toHaveLength(1);
  });

  it('the client gives up after six tries of a 429; a dropped connection is retried too, then a TypeError', async () => {
    fake = await startFakeReplicate({ fault: (r) => (r.kind === 'hardware.list' ? '429' : 'drop') });
    const replicate = clientFor(fake);
    const throttled = await apiFailure(replicate.hardware.list());
    expect(throttled.status).toBe(429);
    expect(fake.requests).toHaveLength(6);
    await expect(replicate.accounts.current()).rejects.toThrow(TypeError);
    // withAutomaticRetries catches any thrown error, so a network failure is retried whatever the method.
    expect(fake.requests.filter((r) => r.kind === 'accounts.current' && r.dropped)).toHaveLength(6);
  });
});
