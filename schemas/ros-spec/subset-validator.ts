import type { ErrorObject } from 'ajv';
import { linearRegExp } from '../pattern';
import { escapePointerToken } from '../validate';

/**
 * A validator for the JSON Schema subset that to-json-schema.ts emits, with ajv's options
 * (`allErrors`, `coerceTypes`, `verbose`) and ajv-shaped errors, so the linter words them the same.
 * Two differences, both how ROS reads values: boolean strings in any letter case, and a YAML
 * boolean matches a 'True'/'False' allowed value.
 *
 * Why not ajv itself: compiling one converted type with ajv takes 4–60 ms (it generates code), and
 * a real template uses a dozen types, which would triple the linter's cold start. Walking this
 * small subset directly costs well under a millisecond per type. A differential test keeps the two
 * in agreement (test/schemas/ros-types.test.ts).
 */
type Schema = Record<string, unknown>;

const COMPARISON: Record<string, string> = { minimum: '>=', maximum: '<=' };
const LIMIT_KEYWORDS = [
  [
    'minLength',
    (v: unknown) => (typeof v === 'string' ? [...v].length : undefined),
    (n: number, l: number) => n >= l,
  ],
  [
    'maxLength',
    (v: unknown) => (typeof v === 'string' ? [...v].length : undefined),
    (n: number, l: number) => n <= l,
  ],
  ['minItems', (v: unknown) => (Array.isArray(v) ? v.length : undefined), (n: number, l: number) => n >= l],
  ['maxItems', (v: unknown) => (Array.isArray(v) ? v.length : undefined), (n: number, l: number) => n <= l],
  [
    'minProperties',
    (v: unknown) => (isObject(v) ? Object.keys(v).length : undefined),
    (n: number, l: number) => n >= l,
  ],
  [
    'maxProperties',
    (v: unknown) => (isObject(v) ? Object.keys(v).length : undefined),
    (n: number, l: number) => n <= l,
  ],
  ['minimum', (v: unknown) => (typeof v === 'number' ? v : undefined), (n: number, l: number) => n >= l],
  ['maximum', (v: unknown) => (typeof v === 'number' ? v : undefined), (n: number, l: number) => n <= l],
] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** ajv's `coerceTypes: true` for scalars; `undefined` when the value cannot be coerced. */
function coerce(value: unknown, type: string): { value: unknown } | undefined {
  switch (type) {
    case 'string':
      if (typeof value === 'string') return { value };
      if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value) };
      return value === null ? { value: '' } : undefined;
    case 'number':
    case 'integer': {
      let n: number | undefined;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'boolean') n = value ? 1 : 0;
      else if (value === null) n = 0;
      else if (typeof value === 'string' && value !== '' && !Number.isNaN(Number(value))) n = Number(value);
      if (n === undefined || (type === 'integer' && !Number.isInteger(n))) return undefined;
      return { value: n };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { value };
      // ROS reads boolean strings in any letter case ('True', 'FALSE'); ajv only lower case.
      const text = typeof value === 'string' ? value.toLowerCase() : undefined;
      if (text === 'true' || value === 1) return { value: true };
      if (text === 'false' || value === 0 || value === null) return { value: false };
      return undefined;
    }
    case 'array':
      return Array.isArray(value) ? { value } : undefined;
    case 'object':
      return isObject(value) ? { value } : undefined;
    default:
      return { value };
  }
}

/**
 * A YAML boolean against a list of 'True'/'False' strings: ROS (Python) renders it `True`/`False`,
 * so `false` is allowed there, in whatever case the list writes it.
 */
function sameBoolean(input: unknown, allowed: unknown): boolean {
  return typeof input === 'boolean' && typeof allowed === 'string' && allowed.toLowerCase() === String(input);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Validates `value` against `schema`; coerces scalars in place inside objects and arrays, as ajv does. */
export function validateSubset(schema: Schema, value: unknown): ErrorObject[] {
  const errors: ErrorObject[] = [];
  walk(schema, value, '', '#', errors, undefined);
  return errors;
}

function walk(
  schema: Schema,
  input: unknown,
  path: string,
  schemaPath: string,
  errors: ErrorObject[],
  assign: ((v: unknown) => void) | undefined,
): void {
  const fail = (keyword: string, params: Record<string, unknown>, data: unknown, message: string) =>
    errors.push({
      keyword,
      instancePath: path,
      schemaPath: `${schemaPath}/${keyword}`,
      params,
      message,
      schema: schema[keyword],
      parentSchema: schema,
      data,
    } as ErrorObject);

  let value = input;
  if (typeof schema.type === 'string') {
    const coerced = coerce(value, schema.type);
    if (!coerced) return void fail('type', { type: schema.type }, value, `must be ${schema.type}`);
    if (coerced.value !== value) {
      value = coerced.value;
      assign?.(value);
    }
  }
  if (
    Array.isArray(schema.enum) &&
    !schema.enum.some((allowed) => deepEqual(allowed, value) || sameBoolean(input, allowed))
  )
    fail('enum', { allowedValues: schema.enum }, value, 'must be equal to one of the allowed values');
  for (const [keyword, measure, ok] of LIMIT_KEYWORDS) {
    const limit = schema[keyword];
    const measured = typeof limit === 'number' ? measure(value) : undefined;
    if (measured !== undefined && !ok(measured, limit as number)) {
      const params = keyword in COMPARISON ? { comparison: COMPARISON[keyword], limit } : { limit };
      fail(keyword, params, value, `must satisfy ${keyword} ${String(limit)}`);
    }
  }
  if (typeof schema.pattern === 'string' && typeof value === 'string') {
    // to-json-schema.ts keeps only patterns the linear engine runs; anything else is not checked.
    const verdict = linearRegExp(schema.pattern);
    if (verdict.kind === 'checked' && !verdict.pattern.test(value))
      fail('pattern', { pattern: schema.pattern }, value, 'must match pattern');
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    const items = schema.items;
    value.forEach((item, i) =>
      walk(items, item, `${path}/${i}`, `${schemaPath}/items`, errors, (v) => ((value as unknown[])[i] = v)),
    );
  }
  if (isObject(value)) walkObject(schema, value, path, schemaPath, errors, fail);
  if (Array.isArray(schema.allOf))
    (schema.allOf as Schema[]).forEach((sub, i) =>
      walk(sub, value, path, `${schemaPath}/allOf/${i}`, errors, assign),
    );
}

function walkObject(
  schema: Schema,
  value: Record<string, unknown>,
  path: string,
  schemaPath: string,
  errors: ErrorObject[],
  fail: (keyword: string, params: Record<string, unknown>, data: unknown, message: string) => void,
): void {
  for (const name of (schema.required as string[] | undefined) ?? [])
    if (!Object.hasOwn(value, name))
      fail('required', { missingProperty: name }, value, `must have required property '${name}'`);
  const properties = isObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
  for (const name of Object.keys(value)) {
    const sub = Object.hasOwn(properties, name) ? properties[name] : undefined;
    const at = `${path}/${escapePointerToken(name)}`;
    const set = (v: unknown) => (value[name] = v);
    if (sub) walk(sub, value[name], at, `${schemaPath}/properties/${escapePointerToken(name)}`, errors, set);
    else if (schema.additionalProperties === false)
      fail(
        'additionalProperties',
        { additionalProperty: name },
        value,
        'must NOT have additional properties',
      );
    else if (isObject(schema.additionalProperties))
      walk(schema.additionalProperties, value[name], at, `${schemaPath}/additionalProperties`, errors, set);
  }
}
