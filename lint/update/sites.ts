import { looksLikeFunction } from '../../template/intrinsics';
import { isMapping } from '../../template/model';
import { joinPointer, splitPointer } from '../../template/pointer';

/** One place a non-updatable pointer names, with its value before and after (undefined: absent). */
export interface Site {
  /** Concrete pointer relative to `Properties` (no `*`). */
  pointer: string;
  before: unknown;
  after: unknown;
  /**
   * True when an intrinsic function on the way (on either side) stopped the walk above a named
   * token: the values are whole expressions that produce the property among others, so a
   * difference may or may not change it.
   */
  opaque: boolean;
}

/** Keys a `*` token expands to: list indices or mapping keys, never a function's. */
export function childKeys(node: unknown): string[] {
  if (Array.isArray(node)) return node.map((_, i) => String(i));
  return isMapping(node) && !looksLikeFunction(node) ? Object.keys(node) : [];
}

export function childAt(node: unknown, key: string): unknown {
  if (Array.isArray(node)) return /^\d+$/.test(key) ? node[Number(key)] : undefined;
  return isMapping(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

/**
 * The sites a pointer pattern names in two versions of a resource's `Properties`. A `*` token
 * expands over the items or keys of both versions (so an added or removed item is a site); an
 * intrinsic function met before the end of the pattern ends the walk there (see `Site.opaque`).
 */
export function sitesOf(pattern: string, before: unknown, after: unknown): Site[] {
  const tokens = splitPointer(pattern);
  const out: Site[] = [];
  const walk = (i: number, a: unknown, b: unknown, pointer: string): void => {
    if (a === undefined && b === undefined) return;
    if (i === tokens.length) {
      out.push({ pointer, before: a, after: b, opaque: false });
      return;
    }
    if (looksLikeFunction(a) || looksLikeFunction(b)) {
      // Under `*` only, the expression supplies nothing but non-updatable items: it is the value.
      out.push({ pointer, before: a, after: b, opaque: tokens.slice(i).some((t) => t !== '*') });
      return;
    }
    const token = tokens[i];
    const keys = token === '*' ? [...new Set([...childKeys(a), ...childKeys(b)])] : [token];
    for (const key of keys) walk(i + 1, childAt(a, key), childAt(b, key), joinPointer(pointer, key));
  };
  walk(0, before, after, '');
  return out;
}

/** The deepest ancestor of `pointer` (relative to `root`) that exists in `root`; `''` for the root. */
export function deepestExisting(root: unknown, pointer: string): string {
  let node = root;
  let found = '';
  for (const token of splitPointer(pointer)) {
    node = childAt(node, token);
    if (node === undefined) break;
    found = joinPointer(found, token);
  }
  return found;
}
