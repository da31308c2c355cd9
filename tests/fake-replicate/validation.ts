import type { FieldError } from './problems';

/**
 * Checks a JSON value against a small JSON Schema the way Replicate's validator words it (the Go gojsonschema
 * messages: "Invalid type. Expected: integer, given: string", "Must be less than or equal to 6000", "x is
 * required", "Does not match format 'uri'", "x must be one of the following: ..."), so a 422 reads as the real one.
 */

export interface PropertySchema {
  type?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  pattern?: string;
}

export interface ObjectSchema {
  properties: Readonly<Record<string, PropertySchema>>;
  required?: readonly string[];
  /** false: keys not in `properties` are refused. */
  additionalProperties?: boolean;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON type of a value as JSON Schema names it (a whole number is an `integer`). */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const typeMatches = (expected: string, actual: string) =>
  expected === actual || (expected === 'number' && actual === 'integer');

function checkProperty(name: string, field: string, value: unknown, p: PropertySchema): FieldError | null {
  const actual = jsonType(value);
  if (p.type && !typeMatches(p.type, actual)) {
    return { type: 'invalid_type', field, description: `Invalid type. Expected: ${p.type}, given: ${actual}` };
  }
  if (typeof value === 'number' && p.minimum !== undefined && value < p.minimum) {
    return { type: 'number_gte', field, description: `Must be greater than or equal to ${p.minimum}` };
  }
  if (typeof value === 'number' && p.maximum !== undefined && value > p.maximum) {
    return { type: 'number_lte', field, description: `Must be less than or equal to ${p.maximum}` };
  }
  if (typeof value !== 'string') return null;
  if (p.format === 'uri' && !URL.canParse(value)) {
    return { type: 'format', field, description: "Does not match format 'uri'" };
  }
  if (p.enum && !p.enum.includes(value)) {
    const choices = p.enum.map((c) => `"${c}"`).join(', ');
    return { type: 'enum', field, description: `${name} must be one of the following: ${choices}` };
  }
  if (p.pattern && !new RegExp(p.pattern, 'u').test(value)) {
    return { type: 'pattern', field, description: `Does not match pattern '${p.pattern}'` };
  }
  return null;
}

/** Every failed check of `value` against `schema`; `path` is where the object sits ('' for a request body). */
export function checkObject(value: unknown, schema: ObjectSchema, path: string): FieldError[] {
  if (!isRecord(value)) {
    return [
      { type: 'invalid_type', field: path, description: `Invalid type. Expected: object, given: ${jsonType(value)}` },
    ];
  }
  const errors: FieldError[] = (schema.required ?? [])
    .filter((key) => !(key in value))
    .map((key) => ({ type: 'required', field: path, description: `${key} is required` }));
  for (const [key, item] of Object.entries(value)) {
    const property = schema.properties[key];
    if (!property) {
      if (schema.additionalProperties === false) {
        errors.push({
          type: 'additional_property_not_allowed',
          field: path,
          description: `Additional property ${key} is not allowed`,
        });
      }
      continue;
    }
    const error = checkProperty(key, path ? `${path}.${key}` : key, item, property);
    if (error) errors.push(error);
  }
  return errors;
}
