import { asIntrinsic } from '../../template/intrinsics';
import { isMapping, isScalar } from '../../template/model';

/**
 * The form two values are compared in: `Ref: ALIYUN::NoValue` is an absent value, and `Fn::Sub`
 * with an empty (or no) variable map is its string form. Short forms need nothing here: the
 * parser already turns `!Ref X` into `{ Ref: X }`.
 */
function canonical(value: unknown): unknown {
  const fn = asIntrinsic(value);
  if (!fn) return value;
  if (fn.fn === 'Ref' && fn.args === 'ALIYUN::NoValue') return undefined;
  if (fn.fn === 'Fn::Sub' && Array.isArray(fn.args) && typeof fn.args[0] === 'string') {
    const vars = fn.args[1];
    if (fn.args.length === 1 || (isMapping(vars) && Object.keys(vars).length === 0))
      return { 'Fn::Sub': fn.args[0] };
  }
  return value;
}

/**
 * Structural equality of two template values, expressions included: mapping key order does not
 * matter, list order does, and scalars compare by their text because ROS coerces `"60"` and `60`
 * alike (schemas/README.md), so re-quoting a value is not a change.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  const x = canonical(a);
  const y = canonical(b);
  if (x === y) return true;
  if (isScalar(x) && isScalar(y)) return String(x) === String(y);
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((item, i) => sameValue(item, y[i]));
  }
  if (isMapping(x) && isMapping(y)) {
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    return keys.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
  }
  return false;
}

const MAX_SHOWN = 60;

/** A value as a message shows it: short, one line; `(absent)` when there is none. */
export function describeValue(value: unknown): string {
  const v = canonical(value);
  if (v === undefined) return '(absent)';
  const fn = asIntrinsic(v);
  const text = fn?.fn === 'Ref' && typeof fn.args === 'string' ? `Ref ${fn.args}` : JSON.stringify(v);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** `"a" → "b"`, the change a message quotes. */
export function describeChange(before: unknown, after: unknown): string {
  return `${describeValue(before)} → ${describeValue(after)}`;
}
