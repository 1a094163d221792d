import { asIntrinsic } from '../../../template/intrinsics';
import { isScalar, type TemplateModel } from '../../../template/model';

/** A value known for certain, or `undefined` when it cannot be known without deploying. */
type Known = { value: unknown } | undefined;

/** What evaluating a Rules expression under the parameter defaults gives. */
export interface Evaluation {
  known: Known;
  /** The parameters whose Default the result depends on. */
  parameters: Set<string>;
}

/**
 * Equality where it is certain: values of one JavaScript type, or lists of them. A number against
 * a string (`1` and `'1'`) is not guessed at: how ROS compares those was not established.
 */
function equal(a: unknown, b: unknown): boolean | undefined {
  if (isScalar(a) && isScalar(b)) return typeof a === typeof b ? a === b : undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let all = true;
    for (let i = 0; i < a.length; i++) {
      const e = equal(a[i], b[i]);
      if (e === undefined) return undefined;
      all &&= e;
    }
    return all;
  }
  return undefined;
}

/** Whether every member of `items` is in `list`, or `undefined` when a comparison is uncertain. */
function allIn(items: unknown[], list: unknown[]): boolean | undefined {
  for (const item of items) {
    const found = list.map((member) => equal(item, member));
    if (found.includes(true)) continue;
    if (found.includes(undefined)) return undefined;
    return false;
  }
  return true;
}

/** A parameter's Default as ROS would pass it, when that is certain. */
function parameterDefault(template: TemplateModel, name: string): Known {
  const parameter = template.parameter(name);
  if (!parameter) return undefined;
  const value = parameter.Default;
  if (!isScalar(value)) return undefined;
  switch (parameter.Type) {
    case 'String':
      return { value: String(value) };
    case 'Number':
      return typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        ? { value: Number(value) }
        : undefined;
    case 'Boolean': {
      const text = String(value).toLowerCase();
      return text === 'true' || text === 'false' ? { value: text === 'true' } : undefined;
    }
    case 'CommaDelimitedList':
      // Whether ROS trims the items is not established: only a list without spaces is certain.
      return typeof value === 'string' && !/\s/.test(value) ? { value: value.split(',') } : undefined;
    default:
      return undefined;
  }
}

/**
 * Evaluates a RuleCondition or Assert with each `Ref` to a parameter replaced by its Default:
 * literals, Ref, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Contains, Fn::EachMemberIn. Anything
 * else (other functions, parameters without a Default, pseudo parameters) is unknown.
 */
export function evaluateUnderDefaults(template: TemplateModel, node: unknown): Evaluation {
  const parameters = new Set<string>();
  const bool = (v: Known): boolean | undefined => (v && typeof v.value === 'boolean' ? v.value : undefined);
  const list = (v: Known): unknown[] | undefined => (v && Array.isArray(v.value) ? v.value : undefined);
  const known = (v: boolean | undefined): Known => (v === undefined ? undefined : { value: v });

  const evaluate = (n: unknown): Known => {
    if (isScalar(n)) return { value: n };
    if (Array.isArray(n)) {
      const items = n.map(evaluate);
      return items.every(Boolean) ? { value: items.map((i) => i?.value) } : undefined;
    }
    const fn = asIntrinsic(n);
    if (!fn) return undefined;
    const args = fn.args;
    switch (fn.fn) {
      case 'Ref': {
        if (typeof args !== 'string') return undefined;
        const value = parameterDefault(template, args);
        if (value) parameters.add(args);
        return value;
      }
      case 'Fn::Equals': {
        if (!Array.isArray(args) || args.length !== 2) return undefined;
        const [a, b] = args.map(evaluate);
        return a && b ? known(equal(a.value, b.value)) : undefined;
      }
      case 'Fn::Not': {
        const operand = Array.isArray(args) ? (args.length === 1 ? args[0] : undefined) : args;
        const v = bool(evaluate(operand));
        return known(v === undefined ? undefined : !v);
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(args) || args.length < 2) return undefined;
        const values = args.map((a) => bool(evaluate(a)));
        const decisive = fn.fn === 'Fn::And' ? false : true;
        if (values.includes(decisive)) return { value: decisive };
        return values.includes(undefined) ? undefined : { value: !decisive };
      }
      case 'Fn::Contains': {
        if (!Array.isArray(args) || args.length !== 2) return undefined;
        const haystack = list(evaluate(args[0]));
        const needle = evaluate(args[1]);
        return haystack && needle ? known(allIn([needle.value], haystack)) : undefined;
      }
      case 'Fn::EachMemberIn': {
        if (!Array.isArray(args) || args.length !== 2) return undefined;
        const [items, allowed] = [list(evaluate(args[0])), list(evaluate(args[1]))];
        return items && allowed ? known(allIn(items, allowed)) : undefined;
      }
      default:
        return undefined;
    }
  };
  return { known: evaluate(node), parameters };
}
