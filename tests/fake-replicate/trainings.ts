import type { FakeContext, RouteHandler } from './context';
import { type Exchange, fail, jsonBody, page, reply } from './http';
import { visibleModel } from './models';
import * as P from './problems';
import { isTerminal, type StoredTraining, type StoredVersion, type TrainingData } from './records';
import { isoTime, randomId } from './state';
import { TRAINING_INPUT_SCHEMA } from './trainer-schema';
import { advanceTraining, settleTraining } from './training-lifecycle';
import { STEPS_PER_SECOND, stepsOf } from './training-logs';
import { checkObject, type ObjectSchema } from './validation';
import { zipEntryNames } from './zip-entries';

/**
 * Trainings: trainings.create (checked in the order the answers suggest: the trainer and its version, the body
 * against the trainer's schema, the destination, then credit), trainings.get (which moves a training one step
 * unless progress is manual), trainings.cancel and trainings.list.
 */

const TRAINING_REQUEST: ObjectSchema = {
  required: ['destination', 'input'],
  properties: {
    destination: { type: 'string' },
    input: { type: 'object' },
    webhook: { type: 'string', format: 'uri' },
    webhook_events_filter: { type: 'array' },
  },
};

/**
 * The inputs the requested version of the trainer declares (its own schema, so a test can serve a newer version
 * that differs); a key it does not declare is refused (see README: inferred).
 */
function trainingInputOf(version: StoredVersion | undefined): ObjectSchema {
  const schema = version?.openapiSchema as { components?: { schemas?: { TrainingInput?: ObjectSchema } } } | null;
  const properties = schema?.components?.schemas?.TrainingInput?.properties ?? TRAINING_INPUT_SCHEMA.properties;
  return { properties, additionalProperties: false };
}

function metrics(t: StoredTraining, stages: number) {
  if (!isTerminal(t.status)) return {};
  const steps = t.status === 'succeeded' ? stepsOf(t) : Math.round((stepsOf(t) * Math.max(0, t.stage - 1)) / stages);
  const predict = Math.round((steps / STEPS_PER_SECOND) * 1000) / 1000;
  return { predict_time: predict, total_time: Math.round((predict + 31.2) * 1000) / 1000 };
}

/** The training resource as trainings.get answers it (the real one has no `destination`: read output.version). */
function trainingResource(t: StoredTraining, ctx: FakeContext) {
  const base = `${ctx.origin()}/v1/trainings/${t.id}`;
  return {
    id: t.id,
    model: t.model,
    version: t.version,
    input: t.input,
    logs: t.logs,
    output: t.output,
    error: t.error,
    status: t.status,
    source: 'api',
    created_at: t.createdAt,
    started_at: t.startedAt,
    completed_at: t.completedAt,
    metrics: metrics(t, Math.max(1, ctx.options().progressSteps ?? 2)),
    ...(t.webhook ? { webhook: t.webhook, webhook_events_filter: t.webhookEventsFilter } : {}),
    urls: { web: `https://replicate.com/p/${t.id}`, get: base, cancel: `${base}/cancel` },
  };
}

/** What `input_images` names, read at creation: one of this account's uploads (a ZIP or not), or nothing here. */
async function trainingData(ctx: FakeContext, images: unknown): Promise<TrainingData | null> {
  if (typeof images !== 'string') return null;
  const file = /\/v1\/files\/[^/?#]+$/u.test(images) ? ctx.state.file(images) : undefined;
  if (!file || file.owner !== ctx.username()) return { kind: 'unreachable', url: images };
  const entries = await zipEntryNames(file.bytes);
  return entries ? { kind: 'zip', fileId: file.id, entries } : { kind: 'not-zip', fileId: file.id };
}

export const createTraining: RouteHandler = async (ex, ctx, [owner = '', name = '', version = '']) => {
  const trainer = visibleModel(ex, ctx, `${owner}/${name}`);
  if (!trainer) return;
  const trainerVersion = trainer.versions.find((v) => v.id === version);
  if (!trainerVersion) return fail(ex, P.invalidVersion());
  const body = jsonBody(ex);
  if (body === undefined) return;
  const errors = checkObject(body, TRAINING_REQUEST, '');
  const { destination, input, webhook, webhook_events_filter } = body as Record<string, unknown>;
  if (errors.length === 0) errors.push(...checkObject(input, trainingInputOf(trainerVersion), 'input'));
  if (errors.length > 0) return fail(ex, P.validationFailed(errors));
  const target = ctx.state.model(String(destination));
  if (target?.owner !== ctx.username()) return fail(ex, P.destinationMissing());
  if (ctx.options().credit === false) return fail(ex, P.insufficientCredit());
  const inputs = input as Record<string, unknown>;
  const training: StoredTraining = {
    id: randomId(),
    owner: ctx.username(),
    model: `${owner}/${name}`,
    version,
    destination: String(destination),
    input: inputs,
    webhook: typeof webhook === 'string' ? webhook : null,
    webhookEventsFilter: Array.isArray(webhook_events_filter) ? webhook_events_filter.map(String) : null,
    data: await trainingData(ctx, inputs.input_images),
    status: 'starting',
    stage: 0,
    logs: '',
    error: null,
    output: null,
    createdAt: isoTime(),
    startedAt: null,
    completedAt: null,
  };
  ctx.state.trainings.set(training.id, training);
  ex.entry.resource = `trainings/${training.id}`;
  reply(ex, 201, trainingResource(training, ctx));
};

/** The account's training a route names; answers 404 (and undefined) when unknown. */
function namedTraining(ex: Exchange, ctx: FakeContext, id: string): StoredTraining | undefined {
  ex.entry.resource = `trainings/${id}`;
  const training = ctx.state.training(id);
  if (training?.owner === ctx.username()) return training;
  fail(ex, P.notFound());
  return undefined;
}

export const getTraining: RouteHandler = (ex, ctx, [id = '']) => {
  const training = namedTraining(ex, ctx, id);
  if (!training) return;
  if ((ctx.options().trainingProgress ?? 'per-get') === 'per-get') advanceTraining(training, ctx);
  reply(ex, 200, trainingResource(training, ctx));
};

/** Cancels a training that has not ended; an ended one is answered as it is. */
export const cancelTraining: RouteHandler = (ex, ctx, [id = '']) => {
  const training = namedTraining(ex, ctx, id);
  if (!training) return;
  if (!isTerminal(training.status)) settleTraining(training, 'canceled', ctx);
  reply(ex, 200, trainingResource(training, ctx));
};

/** Most recent first, 100 a page. */
export const listTrainings: RouteHandler = (ex, ctx) => {
  const mine = [...ctx.state.trainings.values()].filter((t) => t.owner === ctx.username()).reverse();
  const { results, ...links } = page(ex, mine, ctx.options().pageSize ?? 100);
  reply(ex, 200, { ...links, results: results.map((t) => trainingResource(t, ctx)) });
};
