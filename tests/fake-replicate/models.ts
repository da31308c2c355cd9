import type { FakeContext, RouteHandler } from './context';
import { type Exchange, fail, jsonBody, page, reply } from './http';
import * as P from './problems';
import type { StoredModel, StoredVersion } from './records';
import { checkObject, type ObjectSchema } from './validation';

/**
 * Models, their versions and the hardware list: models.get, models.create, models.versions.list/get and
 * hardware.list. A private model is visible to its owner only (anyone else gets the same 404 as for a missing one).
 */

/** The SKUs hardware.list answers: the four of the recorded answer, then the GPUs trainers run on today. */
const HARDWARE = [
  { sku: 'cpu', name: 'CPU' },
  { sku: 'gpu-t4', name: 'Nvidia T4 GPU' },
  { sku: 'gpu-a40-small', name: 'Nvidia A40 GPU' },
  { sku: 'gpu-a40-large', name: 'Nvidia A40 (Large) GPU' },
  { sku: 'gpu-l40s', name: 'Nvidia L40S GPU' },
  { sku: 'gpu-a100-large', name: 'Nvidia A100 (80GB) GPU' },
  { sku: 'gpu-h100', name: 'Nvidia H100 GPU' },
] as const;

const versionResource = (v: StoredVersion) => ({
  id: v.id,
  created_at: v.createdAt,
  cog_version: v.cogVersion,
  openapi_schema: v.openapiSchema,
});

/** The model resource as models.get and models.create answer it. */
function modelResource(m: StoredModel) {
  const latest = m.versions.at(-1);
  return {
    url: `https://replicate.com/${m.owner}/${m.name}`,
    owner: m.owner,
    name: m.name,
    description: m.description,
    visibility: m.visibility,
    github_url: null,
    paper_url: null,
    license_url: null,
    run_count: m.runCount,
    cover_image_url: null,
    default_example: null,
    latest_version: latest ? versionResource(latest) : null,
    is_official: false,
  };
}

/** The model a route names if the account may see it; answers 404 (and undefined) otherwise. */
export function visibleModel(ex: Exchange, ctx: FakeContext, ref: string): StoredModel | undefined {
  ex.entry.resource = ref;
  const model = ctx.state.model(ref);
  if (model && (model.visibility === 'public' || model.owner === ctx.username())) return model;
  fail(ex, P.notFound());
  return undefined;
}

export const getModel: RouteHandler = (ex, ctx, [owner = '', name = '']) => {
  const model = visibleModel(ex, ctx, `${owner}/${name}`);
  if (model) reply(ex, 200, modelResource(model));
};

/** Newest first. */
export const listVersions: RouteHandler = (ex, ctx, [owner = '', name = '']) => {
  const model = visibleModel(ex, ctx, `${owner}/${name}`);
  if (!model) return;
  const { results, ...links } = page(ex, [...model.versions].reverse(), ctx.options().pageSize ?? 100);
  reply(ex, 200, { ...links, results: results.map(versionResource) });
};

export const getVersion: RouteHandler = (ex, ctx, [owner = '', name = '', id = '']) => {
  const model = visibleModel(ex, ctx, `${owner}/${name}`);
  if (!model) return;
  const version = model.versions.find((v) => v.id === id);
  if (version) reply(ex, 200, versionResource(version));
  else fail(ex, P.notFound());
};

export const listHardware: RouteHandler = (ex) => reply(ex, 200, HARDWARE);

const CREATE_MODEL: ObjectSchema = {
  required: ['owner', 'name', 'visibility', 'hardware'],
  additionalProperties: false,
  properties: {
    owner: { type: 'string' },
    // Lowercase letters, digits, dashes, underscores and dots, starting and ending with a letter or digit.
    name: { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$' },
    visibility: { type: 'string', enum: ['public', 'private'] },
    hardware: { type: 'string', enum: HARDWARE.map((h) => h.sku) },
    description: { type: 'string' },
    github_url: { type: 'string', format: 'uri' },
    paper_url: { type: 'string', format: 'uri' },
    license_url: { type: 'string', format: 'uri' },
    cover_image_url: { type: 'string', format: 'uri' },
  },
};

export const createModel: RouteHandler = (ex, ctx) => {
  const body = jsonBody(ex);
  if (body === undefined) return;
  const errors = checkObject(body, CREATE_MODEL, '');
  if (errors.length > 0) return fail(ex, P.validationFailed(errors));
  const { owner, name, visibility, hardware, description } = body as Record<string, string>;
  ex.entry.resource = `${owner}/${name}`;
  if (owner !== ctx.username()) return fail(ex, P.forbidden());
  if (ctx.state.model(`${owner}/${name}`)) return fail(ex, P.modelExists());
  const model: StoredModel = {
    owner: owner ?? '',
    name: name ?? '',
    description: description ?? null,
    visibility: visibility === 'public' ? 'public' : 'private',
    hardware: hardware ?? 'cpu',
    versions: [],
    runCount: 0,
  };
  ctx.state.models.set(`${model.owner}/${model.name}`, model);
  reply(ex, 201, modelResource(model));
};
