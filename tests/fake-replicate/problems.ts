/**
 * Error answers as Replicate sends them: `application/problem+json` bodies with `detail` and `status` (and
 * `title` on some). Where each wording comes from is in README.md ("Each answer, and where it comes from").
 */

export interface Problem {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

const problem = (status: number, detail: string, title?: string, extra: Record<string, unknown> = {}): Problem => ({
  status,
  body: { ...(title ? { title } : {}), detail, status, ...extra },
});

/** No Authorization header, or one the fake cannot read as a token. */
export const noToken = (): Problem => problem(401, 'You did not pass an authentication token', 'Unauthenticated');

export const invalidToken = (): Problem =>
  problem(401, 'You did not pass a valid authentication token', 'Unauthenticated');

export const insufficientCredit = (): Problem =>
  problem(
    402,
    'You have insufficient credit to run this model. Go to https://replicate.com/account/billing#billing to purchase credit. Once you purchase credit, please wait a few minutes before trying again.',
    'Insufficient credit',
  );

export const notFound = (): Problem => problem(404, 'Not found.');

export const fileNotFound = (): Problem => problem(404, 'File not found');

export const fileTooLarge = (): Problem => problem(413, 'Files must be less than 100MB in size');

export const destinationMissing = (): Problem => problem(404, 'The specified training destination does not exist');

export const invalidVersion = (): Problem =>
  problem(
    422,
    "The specified version does not exist (or perhaps you don't have permission to use it?)",
    'Invalid version or not permitted',
  );

export const forbidden = (): Problem => problem(403, 'You do not have permission to perform this action.');

export const modelExists = (): Problem => problem(409, 'A model with that name and owner already exists.');

export const badRequest = (detail: string): Problem => problem(400, detail);

/** One failed check of a request body, as Replicate's JSON Schema validator reports it. */
export interface FieldError {
  type: string;
  /** Dotted path (`input.steps`), `input` for a problem with the input object itself, '' for the body. */
  field: string;
  description: string;
}

/** 422 listing every failed check: one `- field: description` line each in `detail`, and `invalid_fields`. */
export function validationFailed(errors: readonly FieldError[]): Problem {
  const detail = errors.map((e) => (e.field ? `- ${e.field}: ${e.description}\n` : `- ${e.description}\n`)).join('');
  return problem(422, detail, 'Input validation failed', { invalid_fields: errors });
}

export const throttled = (): Problem => ({
  ...problem(429, 'Request was throttled. Your rate limit resets in ~1s.'),
  headers: { 'retry-after': '1' },
});

export const internal = (): Problem => problem(500, 'Internal server error');

export const unavailable = (): Problem => problem(503, 'Service Unavailable');
