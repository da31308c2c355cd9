import { afterEach, describe, expect, it } from 'vitest';
import { type FakeReplicate, startFakeReplicate, TRAINER_MODEL } from '../fake-replicate';
import {
  apiFailure,
  captionedZip,
  clientFor,
  DESTINATION,
  prepareTraining,
  startTraining,
} from '../fake-replicate/test-kit';

/**
 * trainings.create on the fake with the real client: the training object the app saves at once, and each way
 * Replicate refuses to start one (bad token, no credit, invalid input, missing destination, unknown version).
 */

let fake: FakeReplicate;
afterEach(() => fake?.close());

async function prepared(options: Parameters<typeof startFakeReplicate>[0] = {}) {
  fake = await startFakeReplicate(options);
  const replicate = clientFor(fake);
  return { replicate, prep: await prepareTraining(replicate, await captionedZip()) };
}

describe('fake Replicate trainings.create (real replicate client)', () => {
  it('starts a training and answers the object the app saves: id, status starting, urls', async () => {
    const { replicate, prep } = await prepared();
    const input = { steps: 500, lora_rank: 16, learning_rate: 0.0004 };
    const training = await startTraining(replicate, prep, input);

    expect(training.id).toMatch(/^[a-z0-9]{26}$/u);
    expect(training).toMatchObject({
      model: TRAINER_MODEL,
      version: prep.version,
      status: 'starting',
      logs: '',
      error: null,
      output: null,
      source: 'api',
      started_at: null,
      completed_at: null,
      metrics: {},
      urls: {
        get: `${fake.url}/trainings/${training.id}`,
        cancel: `${fake.url}/trainings/${training.id}/cancel`,
      },
    });
    // The input is echoed as sent (defaults not filled in); the object has no `destination` field.
    expect(training.input).toEqual({
      input_images: prep.file.urls.get,
      trigger_word: 'ide_main_hall',
      autocaption: false,
      ...input,
    });
    expect(training).not.toHaveProperty('destination');
    expect(fake.state.training(training.id)?.data).toEqual({
      kind: 'zip',
      fileId: prep.file.id,
      entries: ['hall-1.jpg', 'hall-1.txt', 'hall-2.jpg', 'hall-2.txt'],
    });
    const create = fake.requests.find((r) => r.kind === 'trainings.create');
    expect(create).toMatchObject({ status: 201, resource: `trainings/${training.id}` });
    expect(JSON.parse(create?.bodySummary ?? '{}')).toMatchObject({ destination: DESTINATION });
  });

  it('refuses a bad token with 401 and an account out of credit with 402 Insufficient credit', async () => {
    const { prep } = await prepared({ credit: false });
    const noCredit = await apiFailure(startTraining(clientFor(fake), prep));
    expect(noCredit.status).toBe(402);
    expect(noCredit.body).toEqual({
      title: 'Insufficient credit',
      detail:
        'You have insufficient credit to run this model. Go to https://replicate.com/account/billing#billing to purchase credit. Once you purchase credit, please wait a few minutes before trying again.',
      status: 402,
    });
    expect(noCredit.error.message).toContain('failed with status 402 Payment Required: {"title":"Insufficient credit"');

    const badToken = await apiFailure(startTraining(clientFor(fake, 'r8_revoked'), prep));
    expect([badToken.status, badToken.body.detail]).toEqual([401, 'You did not pass a valid authentication token']);
    expect(fake.state.trainings.size).toBe(0);
  });

  it('refuses invalid input with 422, one line per problem, as Replicate words them', async () => {
    const { replicate, prep } = await prepared();
    const failure = await apiFailure(
      startTraining(replicate, prep, {
        input_images: 'dataset.zip',
        steps: '1000',
        lora_rank: 0,
        learning_rate: 0.0004,
        caption_dropout: 0.1,
      }),
    );
    expect(failure.status).toBe(422);
    expect(failure.body.title).toBe('Input validation failed');
    expect(failure.body.detail).toBe(
      [
        "- input.input_images: Does not match format 'uri'\n",
        '- input.steps: Invalid type. Expected: integer, given: string\n',
        '- input.lora_rank: Must be greater than or equal to 1\n',
        '- input: Additional property caption_dropout is not allowed\n',
      ].join(''),
    );
    expect(failure.body.invalid_fields).toEqual([
      { type: 'format', field: 'input.input_images', description: "Does not match format 'uri'" },
      { type: 'invalid_type', field: 'input.steps', description: 'Invalid type. Expected: integer, given: string' },
      { type: 'number_gte', field: 'input.lora_rank', description: 'Must be greater than or equal to 1' },
      {
        type: 'additional_property_not_allowed',
        field: 'input',
        description: 'Additional property caption_dropout is not allowed',
      },
    ]);

    const tooMany = await apiFailure(startTraining(replicate, prep, { steps: 10_000, autocaption: 'no' }));
    expect(tooMany.body.detail).toBe(
      '- input.autocaption: Invalid type. Expected: boolean, given: string\n- input.steps: Must be less than or equal to 6000\n',
    );
    const noInput = await apiFailure(
      replicate.trainings.create('ostris', 'flux-dev-lora-trainer', prep.version, {
        destination: DESTINATION,
      } as never),
    );
    expect(noInput.body.detail).toBe('- input is required\n');
    expect(fake.state.trainings.size).toBe(0);
  });

  it('answers a destination that does not exist, or is not yours, with 404 as recorded', async () => {
    const { replicate, prep } = await prepared();
    const create = (destination: `${string}/${string}`) =>
      replicate.trainings.create('ostris', 'flux-dev-lora-trainer', prep.version, {
        destination,
        input: { input_images: prep.file.urls.get },
      });
    for (const destination of ['caption-tester/not-created', 'ostris/flux-dev-lora-trainer'] as const) {
      const failure = await apiFailure(create(destination));
      expect([failure.status, failure.body]).toEqual([
        404,
        { detail: 'The specified training destination does not exist', status: 404 },
      ]);
    }
  });

  it('answers an unknown trainer version with 422 "Invalid version or not permitted"', async () => {
    const { replicate, prep } = await prepared();
    const failure = await apiFailure(startTraining(replicate, { ...prep, version: '0'.repeat(64) }));
    expect(failure.status).toBe(422);
    expect(failure.body).toEqual({
      title: 'Invalid version or not permitted',
      detail: "The specified version does not exist (or perhaps you don't have permission to use it?)",
      status: 422,
    });
  });

  it('keeps a webhook it is given (it never calls it: nothing local is reachable from Replicate)', async () => {
    const { replicate, prep } = await prepared();
    const training = await replicate.trainings.create('ostris', 'flux-dev-lora-trainer', prep.version, {
      destination: DESTINATION,
      input: { input_images: prep.file.urls.get },
      webhook: 'https://example.com/hook',
      webhook_events_filter: ['completed'],
    });
    expect(training).toMatchObject({ webhook: 'https://example.com/hook', webhook_events_filter: ['completed'] });
  });
});
