/** The small checks every part of a seed shares; each failure is a `SeedError` naming its place. */

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

export type Dict = Record<string, unknown>;

export function dict(value: unknown, at: string): Dict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SeedError(`${at}: expected a mapping`);
  }
  return value as Dict;
}

export function list(value: unknown, at: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new SeedError(`${at}: expected a list`);
  return value;
}

export function string(value: unknown, at: string): string {
  if (typeof value !== 'string' || value === '') throw new SeedError(`${at}: expected a non-empty string`);
  return value;
}

export function optionalString(value: unknown, at: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, at);
}

export function stringList(value: unknown, at: string): string[] {
  return list(value, at).map((item, i) => string(item, `${at}[${i}]`));
}

export function optionalBoolean(value: unknown, at: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new SeedError(`${at}: expected true or false`);
  return value;
}

export function optionalInteger(value: unknown, at: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SeedError(`${at}: expected an integer from ${min} to ${max}`);
  }
  return value;
}

export function optionalOneOf<T extends string>(
  value: unknown,
  at: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === null) return undefined;
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw new SeedError(`${at}: expected one of ${allowed.join(', ')}`);
  return match;
}

/** YAML reads an unquoted 16-digit ID as a number that has lost precision, so insist on strings. */
export function accountId(value: unknown, at: string): string {
  if (typeof value !== 'string' || !/^\d{16}$/.test(value)) {
    throw new SeedError(`${at}: expected a 16-digit account ID as a quoted string`);
  }
  return value;
}

export function unique(values: string[], at: string, what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new SeedError(`${at}: duplicate ${what} "${value}"`);
    seen.add(value);
  }
}
