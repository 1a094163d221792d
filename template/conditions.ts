import { asIntrinsic } from './intrinsics';
import { isMapping, isScalar, type TemplateModel } from './model';

/** True, false, or unknown (undefined) when it depends on more than the template states. */
export type Truth = boolean | undefined;

type Known = { value: unknown } | undefined;

/**
 * Whether two values are equal the way ROS compares template values: as text (a Number parameter
 * `0` equals `'0'`), and booleans in any letter case (ROS, in Python, renders `false` as `False`).
 */
export function rosEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isScalar(a) || !isScalar(b)) return false;
  if (String(a) === String(b)) return true;
  return (
    (typeof a === 'boolean' || typeof b === 'boolean') && String(a).toLowerCase() === String(b).toLowerCase()
  );
}

/** The value of an expression when the template and `bindings` (parameter values) settle it. */
function valueOf(expr: unknown, bindings: ReadonlyMap<string, unknown>): Known {
  if (expr === null || typeof expr !== 'object') return { value: expr };
  const fn = asIntrinsic(expr);
  if (fn?.fn !== 'Ref' || typeof fn.args !== 'string' || !bindings.has(fn.args)) return undefined;
  const value = bindings.get(fn.args);
  // A list parameter's value as a condition compares it is not modelled here.
  return value !== null && typeof value === 'object' ? undefined : { value };
}

class ConditionEvaluator {
  private readonly visiting = new Set<string>();

  constructor(
    private readonly model: TemplateModel,
    private readonly bindings: ReadonlyMap<string, unknown>,
  ) {}

  named(name: string): Truth {
    if (this.visiting.has(name) || !this.model.conditions.has(name)) return undefined; // a cycle: unknown
    this.visiting.add(name);
    try {
      return this.truth(this.model.conditions.get(name));
    } finally {
      this.visiting.delete(name);
    }
  }

  /** A condition operand: a condition name, `{Condition: name}`, a literal boolean or a function. */
  private operand(expr: unknown): Truth {
    if (typeof expr === 'string') return this.named(expr);
    if (isMapping(expr) && Object.keys(expr).length === 1 && typeof expr.Condition === 'string')
      return this.named(expr.Condition);
    return this.truth(expr);
  }

  truth(expr: unknown): Truth {
    if (typeof expr === 'boolean') return expr;
    const fn = asIntrinsic(expr);
    if (!fn) return undefined;
    const args = fn.args;
    switch (fn.fn) {
      case 'Fn::Equals': {
        if (!Array.isArray(args) || args.length !== 2) return undefined;
        const [a, b] = [valueOf(args[0], this.bindings), valueOf(args[1], this.bindings)];
        return a && b ? rosEquals(a.value, b.value) : undefined;
      }
      case 'Fn::Not': {
        const inner = this.operand(Array.isArray(args) ? (args.length === 1 ? args[0] : undefined) : args);
        return inner === undefined ? undefined : !inner;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(args)) return undefined;
        const decisive = fn.fn === 'Fn::Or';
        let unknown = false;
        for (const item of args) {
          const t = this.operand(item);
          if (t === decisive) return decisive;
          if (t === undefined) unknown = true;
        }
        return unknown ? undefined : !decisive;
      }
      default:
        return undefined;
    }
  }
}

/**
 * Whether the condition `name` holds when the parameters in `bindings` take those values; unknown
 * when anything else it reads (other parameters, functions beyond the logical ones) decides it.
 */
export function conditionTruth(
  model: TemplateModel,
  name: string,
  bindings: ReadonlyMap<string, unknown>,
): Truth {
  return new ConditionEvaluator(model, bindings).named(name);
}
