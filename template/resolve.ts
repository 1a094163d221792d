import { asIntrinsic, looksLikeFunction } from './intrinsics';
import { isMapping, type TemplateModel } from './model';
import { joinPointer } from './pointer';

/** A value a node may take at deployment, and where in the template it comes from. */
export interface Candidate {
  value: unknown;
  /** Pointer of the literal that supplies the value: a parameter's AllowedValues entry or Default, or an `Fn::If` branch. */
  origin: string;
  /** The parameter that supplies it, when it comes through `Ref`. */
  parameter?: string;
}

const MAX_CANDIDATES = 64;

function containsFunction(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (looksLikeFunction(value)) return true;
  return Object.values(value).some(containsFunction);
}

/** A parameter value as the template would receive it, by the parameter's declared Type. */
function asParameterValue(value: unknown, type: unknown): unknown {
  if (type === 'CommaDelimitedList' && typeof value === 'string')
    return value.split(',').map((s) => s.trim());
  return value;
}

function parameterCandidates(name: string, model: TemplateModel): Candidate[] {
  const param = model.parameter(name);
  if (!param) return [];
  if (param.Type === 'Json') return [];
  const out: Candidate[] = [];
  const base = joinPointer('/Parameters', name);
  if (Array.isArray(param.AllowedValues)) {
    param.AllowedValues.forEach((v, i) => {
      if (v !== null && typeof v !== 'object') {
        out.push({
          value: asParameterValue(v, param.Type),
          origin: joinPointer(base, 'AllowedValues', i),
          parameter: name,
        });
      }
    });
  }
  if (param.Default !== undefined && param.Default !== null && typeof param.Default !== 'object') {
    out.push({
      value: asParameterValue(param.Default, param.Type),
      origin: joinPointer(base, 'Default'),
      parameter: name,
    });
  }
  return out;
}

/**
 * The values an intrinsic expression can statically take: a `Ref` to a parameter gives its
 * AllowedValues and Default; `Fn::If` gives both branches. Anything else is not guessed at (empty).
 */
export function candidatesFor(value: unknown, pointer: string, model: TemplateModel): Candidate[] {
  const fn = asIntrinsic(value);
  if (!fn) return containsFunction(value) ? [] : [{ value, origin: pointer }];
  if (fn.fn === 'Ref') return typeof fn.args === 'string' ? parameterCandidates(fn.args, model) : [];
  if (fn.fn !== 'Fn::If' || !Array.isArray(fn.args) || fn.args.length !== 3) return [];
  const out: Candidate[] = [];
  for (const branch of [1, 2]) {
    const node = fn.args[branch];
    if (isMapping(node) && node.Ref === 'ALIYUN::NoValue') continue;
    out.push(...candidatesFor(node, joinPointer(pointer, 'Fn::If', branch), model));
  }
  return out.slice(0, MAX_CANDIDATES);
}
