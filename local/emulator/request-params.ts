import { invalidParameter, missingParameter } from './api-error';

/**
 * The flat string parameters of one RPC call (query string merged with a form body), with the
 * checks every action needs. Each getter throws the API's own validation error.
 */
export class RequestParams {
  constructor(readonly values: Readonly<Record<string, string>>) {}

  optional(name: string): string | undefined {
    const value = this.values[name];
    return value === undefined ? undefined : value;
  }

  /** Whether a list parameter (`Tag.1.Key`, `Tags.2.Value`: how the SDK flattens lists) was sent. */
  hasList(name: string): boolean {
    return Object.keys(this.values).some(
      (key) => key.startsWith(`${name}.`) && /^\d+\./.test(key.slice(name.length + 1)),
    );
  }

  required(name: string): string {
    const value = this.values[name];
    if (value === undefined || value === '') throw missingParameter(name);
    return value;
  }

  /**
   * An enum value, matched exactly: the docs spell each value one way (`TakeOver`, `Keep`), and a
   * client that sends another spelling should learn it here, not in the cloud (README, "Strictness").
   */
  oneOf<T extends string>(name: string, allowed: readonly T[], required: true): T;
  oneOf<T extends string>(name: string, allowed: readonly T[], required: false): T | undefined;
  oneOf<T extends string>(name: string, allowed: readonly T[], required: boolean): T | undefined {
    const value = required ? this.required(name) : this.optional(name);
    if (value === undefined || value === '') return undefined;
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined) throw invalidParameter(name, `"${value}" is not one of ${allowed.join(', ')}`);
    return match;
  }

  integer(name: string, range: { min: number; max: number; fallback?: number }): number | undefined {
    const value = this.optional(name);
    if (value === undefined || value === '') return range.fallback;
    if (!/^-?\d+$/.test(value)) throw invalidParameter(name, `"${value}" is not an integer`);
    const parsed = Number(value);
    if (parsed < range.min || parsed > range.max) {
      throw invalidParameter(name, `${value} is outside ${range.min}-${range.max}`);
    }
    return parsed;
  }

  /** A string checked against a pattern; the message names the rule the real API documents. */
  matching(name: string, pattern: RegExp, rule: string, required: true): string;
  matching(name: string, pattern: RegExp, rule: string, required: false): string | undefined;
  matching(name: string, pattern: RegExp, rule: string, required: boolean): string | undefined {
    const value = required ? this.required(name) : this.optional(name);
    if (value === undefined) return undefined;
    if (!pattern.test(value)) throw invalidParameter(name, `"${truncate(value)}" ${rule}`);
    return value;
  }
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
