import { EVENT_ID, type Event, getScalarValue } from 'js-yaml';
import { escapePointerToken } from '../schemas/validate';
import { functionForTag } from './intrinsics';

/** A key written more than once in one mapping: its pointer and how often it appears. */
export interface DuplicateKey {
  pointer: string;
  count: number;
}

interface Frame {
  isMap: boolean;
  /** `null` inside subtrees that have no pointer (complex keys). */
  pointer: string | null;
  index: number;
  expectKey: boolean;
  key: string | undefined;
  seen: Map<string, number> | undefined;
}

const { DOCUMENT, MAPPING, SEQUENCE, SCALAR, POP } = EVENT_ID;

/**
 * The keys that repeat within a mapping of the first document, found in the parser's events.
 * Keys compare as the strings they construct to (js-yaml makes every key a property name).
 */
export function findDuplicateKeys(events: readonly Event[], source: string): DuplicateKey[] {
  const counts = new Map<string, number>();
  const stack: Frame[] = [];
  let documents = 0;
  const open = (isMap: boolean, pointer: string | null) =>
    stack.push({ isMap, pointer, index: 0, expectKey: true, key: undefined, seen: undefined });

  for (const ev of events) {
    if (ev.type === DOCUMENT) {
      if (++documents > 1) break;
      continue;
    }
    if (ev.type === POP) {
      stack.pop();
      continue;
    }
    const parent = stack[stack.length - 1];
    if (parent?.isMap && parent.expectKey) {
      parent.expectKey = false;
      parent.key = ev.type === SCALAR ? String(getScalarValue(source, ev)) : undefined;
      if (parent.key !== undefined && parent.pointer !== null) {
        const seen = (parent.seen ??= new Map());
        const n = (seen.get(parent.key) ?? 0) + 1;
        seen.set(parent.key, n);
        if (n > 1) counts.set(`${parent.pointer}/${escapePointerToken(parent.key)}`, n);
      }
      // A complex key's own subtree is not part of the document's pointers.
      if (ev.type === MAPPING || ev.type === SEQUENCE) open(ev.type === MAPPING, null);
      continue;
    }
    let pointer: string | null = '';
    if (parent) {
      if (parent.pointer === null) pointer = null;
      else if (!parent.isMap) pointer = `${parent.pointer}/${parent.index++}`;
      else pointer = parent.key === undefined ? null : `${parent.pointer}/${escapePointerToken(parent.key)}`;
      if (parent.isMap) parent.expectKey = true;
    }
    if (ev.type !== MAPPING && ev.type !== SEQUENCE) continue;
    // A short form (`!Sub {…}`) holds its arguments under the function key, as the values do.
    const fn = ev.tagStart >= 0 ? functionForTag(source.slice(ev.tagStart, ev.tagEnd)) : undefined;
    open(ev.type === MAPPING, pointer !== null && fn ? `${pointer}/${escapePointerToken(fn)}` : pointer);
  }
  return [...counts].map(([pointer, count]) => ({ pointer, count }));
}
