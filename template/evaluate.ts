import { asIntrinsic, looksLikeFunction } from './intrinsics';
import { isScalar } from './model';

/** Removes a property, as `Ref: ALIYUN::NoValue` does. */
export const NO_VALUE: unique symbol = Symbol('ALIYUN::NoValue');

/** A function the local runner cannot evaluate: the deploy fails loudly rather than guess. */
export class UnsupportedFunction extends Error {}

export interface EvaluationContext {
  parameters: Readonly<Record<string, unknown>>;
  conditions: Readonly<Record<string, boolean>>;
  mappings: Readonly<Record<string, unknown>>;
  pseudo: Readonly<Record<string, string>>;
  /** A created resource's `Ref` value (physical ID) and its attributes (`Fn::GetAtt`). */
  resource(id: string): { physicalId: string; attributes: Readonly<Record<string, unknown>> } | undefined;
}

function expectList(fn: string, args: unknown, length?: number): unknown[] {
  if (!Array.isArray(args) || (length !== undefined && args.length !== length)) {
    throw new UnsupportedFunction(`${fn} needs a list${length === undefined ? '' : ` of ${length}`}`);
  }
  return args;
}

/** A number, a boolean, NO_VALUE or nothing by its String(); a list or mapping (or null) as JSON. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isScalar(value) || typeof value === 'symbol' || value === undefined) return String(value);
  return JSON.stringify(value);
}

function refValue(name: string, ctx: EvaluationContext): unknown {
  if (name === 'ALIYUN::NoValue') return NO_VALUE;
  if (name in ctx.pseudo) return ctx.pseudo[name];
  if (Object.hasOwn(ctx.parameters, name)) return ctx.parameters[name];
  const resource = ctx.resource(name);
  if (resource) return resource.physicalId;
  throw new UnsupportedFunction(`Ref to ${name}, which has no value here`);
}

function getAtt(resource: string, attribute: string, ctx: EvaluationContext): unknown {
  const r = ctx.resource(resource);
  if (!r)
    throw new UnsupportedFunction(`Fn::GetAtt ${resource}.${attribute}: ${resource} has not been created`);
  if (attribute === 'Outputs') return r.attributes;
  if (!Object.hasOwn(r.attributes, attribute)) {
    throw new UnsupportedFunction(
      `Fn::GetAtt ${resource}.${attribute}: ${resource} returned no ${attribute}`,
    );
  }
  return r.attributes[attribute];
}

function substitute(text: string, vars: Record<string, unknown>, ctx: EvaluationContext): string {
  return text.replace(/\$\{([^}]*)\}/g, (_, raw: string) => {
    const name = raw.trim();
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (Object.hasOwn(vars, name)) return asText(vars[name]);
    const dot = name.indexOf('.');
    if (dot > 0 && !(name in ctx.pseudo)) return asText(getAtt(name.slice(0, dot), name.slice(dot + 1), ctx));
    return asText(refValue(name, ctx));
  });
}

/** Evaluates a condition expression (Fn::Equals/And/Or/Not, a condition name). */
export function evaluateCondition(expr: unknown, ctx: EvaluationContext): boolean {
  if (typeof expr === 'string' && Object.hasOwn(ctx.conditions, expr)) return ctx.conditions[expr];
  const value = evaluate(expr, ctx);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new UnsupportedFunction(`a condition must evaluate to true or false, not ${JSON.stringify(value)}`);
}

/**
 * Evaluates the intrinsic functions of a template value the way ROS would at deployment, for the
 * functions the local runner supports; anything else throws {@link UnsupportedFunction}.
 */
export function evaluate(value: unknown, ctx: EvaluationContext): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => evaluate(v, ctx)).filter((v) => v !== NO_VALUE);
  const fn = asIntrinsic(value);
  if (!fn) {
    if (looksLikeFunction(value)) throw new UnsupportedFunction(`unknown function ${Object.keys(value)[0]}`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = evaluate(v, ctx);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }
  const args = fn.args;
  switch (fn.fn) {
    case 'Ref':
      return refValue(String(args), ctx);
    case 'Fn::GetAtt': {
      const [r, a] = expectList(fn.fn, args, 2);
      return getAtt(String(evaluate(r, ctx)), String(evaluate(a, ctx)), ctx);
    }
    case 'Fn::Sub': {
      if (typeof args === 'string') return substitute(args, {}, ctx);
      const [text, vars] = expectList(fn.fn, args, 2);
      return substitute(String(text), (evaluate(vars, ctx) ?? {}) as Record<string, unknown>, ctx);
    }
    case 'Fn::Join': {
      const [delimiter, list] = expectList(fn.fn, args, 2);
      return expectList(fn.fn, evaluate(list, ctx)).map(asText).join(String(delimiter));
    }
    case 'Fn::Split': {
      const [delimiter, text] = expectList(fn.fn, args, 2);
      return asText(evaluate(text, ctx)).split(String(delimiter));
    }
    case 'Fn::Select': {
      const [index, list] = expectList(fn.fn, args, 2);
      const items = evaluate(list, ctx);
      const i = Number(evaluate(index, ctx));
      return Array.isArray(items)
        ? (items[i] ?? '')
        : ((items as Record<string, unknown>)?.[String(index)] ?? '');
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = expectList(fn.fn, args, 3);
      return evaluate(evaluateCondition(String(condition), ctx) ? whenTrue : whenFalse, ctx);
    }
    case 'Fn::Equals': {
      const [a, b] = expectList(fn.fn, args, 2);
      return asText(evaluate(a, ctx)) === asText(evaluate(b, ctx));
    }
    case 'Fn::And':
      return expectList(fn.fn, args).every((c) => evaluateCondition(c, ctx));
    case 'Fn::Or':
      return expectList(fn.fn, args).some((c) => evaluateCondition(c, ctx));
    case 'Fn::Not':
      return !evaluateCondition(Array.isArray(args) ? args[0] : args, ctx);
    case 'Fn::FindInMap': {
      const [map, top, second] = expectList(fn.fn, args, 3).map((a) => asText(evaluate(a, ctx)));
      const table = ctx.mappings[map] as Record<string, Record<string, unknown> | undefined> | undefined;
      const found = table?.[top]?.[second];
      if (found === undefined) throw new UnsupportedFunction(`Fn::FindInMap: no ${map}.${top}.${second}`);
      return found;
    }
    case 'Fn::Replace': {
      const [pairs, text] = expectList(fn.fn, args, 2);
      let out = asText(evaluate(text, ctx));
      for (const [from, to] of Object.entries((evaluate(pairs, ctx) ?? {}) as Record<string, unknown>))
        out = out.split(from).join(asText(to));
      return out;
    }
    case 'Fn::Base64Encode':
      return Buffer.from(asText(evaluate(args, ctx))).toString('base64');
    case 'Fn::Base64Decode':
      return Buffer.from(asText(evaluate(args, ctx)), 'base64').toString('utf8');
    case 'Fn::Str':
      return asText(evaluate(args, ctx));
    case 'Fn::Length': {
      const v = evaluate(args, ctx);
      return Array.isArray(v) || typeof v === 'string' ? v.length : Object.keys(v ?? {}).length;
    }
    case 'Fn::Contains': {
      const [list, item] = expectList(fn.fn, args, 2);
      return expectList(fn.fn, evaluate(list, ctx))
        .map(asText)
        .includes(asText(evaluate(item, ctx)));
    }
    default:
      throw new UnsupportedFunction(`${fn.fn} is not supported by the local runner`);
  }
}
