import { compilePattern } from '../schemas/pattern';
import { isMapping, type Mapping } from './model';

/** A parameter problem: the deploy stops before touching anything. */
export class ParameterError extends Error {}

/** `K=V` pairs from the command line. */
export function parseParameterArgs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new ParameterError(`--parameter ${pair}: expected Name=Value`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

function convert(name: string, type: unknown, value: unknown): unknown {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (type) {
    case 'Number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n))
        throw new ParameterError(`parameter ${name}: ${text} is not a Number`);
      return n;
    }
    case 'CommaDelimitedList':
      return Array.isArray(value) ? value.map(String) : text.split(',').map((s) => s.trim());
    case 'Boolean':
      if (!['true', 'false'].includes(text.toLowerCase()))
        throw new ParameterError(`parameter ${name}: ${text} is not a Boolean`);
      return text.toLowerCase() === 'true';
    case 'Json':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value);
      } catch {
        throw new ParameterError(`parameter ${name}: not valid JSON`);
      }
    default:
      return text;
  }
}

/**
 * A value as AllowedValues and AllowedPattern see it: a list as its items joined by commas (the text
 * of a CommaDelimitedList), a mapping as JSON, so that two mappings are not both "[object Object]".
 */
function constraintText(value: unknown): string {
  if (Array.isArray(value)) return value.map(constraintText).join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The values of a template's parameters: given ones, else defaults; each checked against the
 * parameter's AllowedValues and AllowedPattern as ROS does at CreateStack.
 */
export function resolveParameters(
  template: Mapping,
  given: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const declared = isMapping(template.Parameters) ? template.Parameters : {};
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(declared, name))
      throw new ParameterError(
        `unknown parameter ${name}; the template declares ${Object.keys(declared).join(', ') || 'none'}`,
      );
  }
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(declared)) {
    const param = isMapping(raw) ? raw : {};
    const value = Object.hasOwn(given, name) ? given[name] : param.Default;
    if (value === undefined || value === null)
      throw new ParameterError(`parameter ${name} needs a value: --parameter ${name}=…`);
    const text = constraintText(value);
    if (Array.isArray(param.AllowedValues) && !param.AllowedValues.some((a) => constraintText(a) === text)) {
      throw new ParameterError(
        `parameter ${name}: ${text} is not one of ${param.AllowedValues.map(constraintText).join(', ')}`,
      );
    }
    // Same compilation as the linter: Python-dialect fixes, and an uncompilable pattern is not checked.
    const source = typeof param.AllowedPattern === 'string' ? param.AllowedPattern : undefined;
    const pattern = source === undefined ? undefined : compilePattern(source);
    if (pattern && !pattern.test(text)) {
      throw new ParameterError(`parameter ${name}: ${text} does not match ${source}`);
    }
    values[name] = convert(name, param.Type, value);
  }
  return values;
}
