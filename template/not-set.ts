/**
 * null in a template means "not set" (an empty YAML value, `Key:` with nothing after it): ROS then
 * treats the key as absent, so required-ness decides, and it is never a value of the wrong type.
 * The schema validators coerce null (to 0, '' or false, as ajv does), so values are prepared here.
 */

/**
 * Stands for a null list item, whose meaning ROS does not document: it looks like a function, so
 * the schema check treats it as a value it cannot know, as it does for functions.
 */
export const UNKNOWN_ITEM: Readonly<Record<string, null>> = Object.freeze({ 'Fn::NotSet': null });

function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasNull);
  for (const key in value) if (hasNull((value as Record<string, unknown>)[key])) return true;
  return false;
}

function strip(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !hasNull(value)) return value;
  if (Array.isArray(value)) return value.map((item) => (item === null ? UNKNOWN_ITEM : strip(item)));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: a key named __proto__ stays a key.
    if (item !== null)
      Object.defineProperty(out, key, {
        value: strip(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}

/**
 * `value` with every null-valued mapping key removed and every null list item marked unknown; the
 * same object when it holds no null (only the containers on a path to a null are copied).
 */
export function withoutNulls<T>(value: T): T {
  return strip(value) as T;
}
