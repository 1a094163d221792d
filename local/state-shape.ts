/**
 * A small, typed description of what a JSON state file must hold, and a checker that names the
 * first place where a file does not: local mode refuses a damaged file with that place rather than
 * failing somewhere deep inside with a stack trace, or treating it as empty.
 */
export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'mapping' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'list'; item: Shape }
  | { kind: 'record'; value: Shape }
  | { kind: 'object'; fields: Readonly<Record<string, Shape>>; optional: readonly string[] };

export const text: Shape = { kind: 'string' };
export const num: Shape = { kind: 'number' };
export const bool: Shape = { kind: 'boolean' };
/** Any JSON object (a template, evaluated properties, outputs). */
export const mapping: Shape = { kind: 'mapping' };

export const oneOf = (...values: string[]): Shape => ({ kind: 'enum', values });
export const listOf = (item: Shape): Shape => ({ kind: 'list', item });
export const recordOf = (value: Shape): Shape => ({ kind: 'record', value });

/** An object with exactly the keys of `T` described (TypeScript checks none is forgotten); unknown keys pass. */
export function objectOf<T>(
  fields: { [K in keyof T]-?: Shape },
  optional: ReadonlyArray<keyof T & string> = [],
): Shape {
  return { kind: 'object', fields, optional };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const expected: Record<Shape['kind'], string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  mapping: 'an object',
  enum: 'one of',
  list: 'a list',
  record: 'an object',
  object: 'an object',
};

function place(at: string, problem: string): string {
  return at === '' ? problem : `${at}: ${problem}`;
}

/** The first mismatch as `path: expected X, found Y`, or undefined when `value` fits. */
export function checkShape(value: unknown, shape: Shape, at = ''): string | undefined {
  const mismatch = () => place(at, `expected ${expected[shape.kind]}, found ${found(value)}`);
  switch (shape.kind) {
    case 'string':
    case 'boolean':
      return typeof value === shape.kind ? undefined : mismatch();
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : mismatch();
    case 'mapping':
      return isMapping(value) ? undefined : mismatch();
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? undefined
        : place(at, `expected one of ${shape.values.join(', ')}, found ${JSON.stringify(value)}`);
    case 'list': {
      if (!Array.isArray(value)) return mismatch();
      for (const [i, item] of value.entries()) {
        const problem = checkShape(item, shape.item, `${at}[${i}]`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 'record': {
      if (!isMapping(value)) return mismatch();
      for (const [key, item] of Object.entries(value)) {
        const problem = checkShape(item, shape.value, at === '' ? key : `${at}.${key}`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 'object': {
      if (!isMapping(value)) return mismatch();
      for (const [key, fieldShape] of Object.entries(shape.fields)) {
        const where = at === '' ? key : `${at}.${key}`;
        if (value[key] === undefined) {
          if (shape.optional.includes(key)) continue;
          return `${where}: missing`;
        }
        const problem = checkShape(value[key], fieldShape, where);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
  }
}
