import {
  type AliasEvent,
  EVENT_ID,
  type Event,
  getScalarValue,
  type MappingEvent,
  SCALAR_STYLE,
  type ScalarEvent,
  type SequenceEvent,
} from 'js-yaml';
import type { SourceRange } from '../finding';
import { functionForTag } from './intrinsics';
import { escapePointerToken } from '../../schemas/validate';

export interface NodeLocation {
  /** The key's range when the node is a mapping value. */
  key?: SourceRange;
  value: SourceRange;
}

interface Frame {
  kind: 'map' | 'seq';
  /** `null` inside subtrees we do not index (complex keys). */
  pointer: string | null;
  index: number;
  expectKey: boolean;
  key: string | undefined;
  keyRange: SourceRange | undefined;
  end: number;
}

// js-yaml's anchor offsets name the anchor without its `&`/`*`; quoted scalars' offsets exclude
// the quotes; an empty scalar has offsets of -1.
const QUOTED = new Set<number>([SCALAR_STYLE.SINGLE_QUOTED, SCALAR_STYLE.DOUBLE_QUOTED]);
// Copied out once: a bundled import is read through a getter on every use, and these are read per event.
const { DOCUMENT, MAPPING, SCALAR, ALIAS, POP } = EVENT_ID;

function nodeStart(ev: { anchorStart: number; tagStart: number }, fallback: number): number {
  let start = fallback;
  if (ev.tagStart >= 0 && ev.tagStart < start) start = ev.tagStart;
  if (ev.anchorStart > 0 && ev.anchorStart - 1 < start) start = ev.anchorStart - 1;
  return start;
}

/** The source range of a scalar or alias event; `near` stands in for an empty scalar. */
function nodeRange(ev: ScalarEvent | AliasEvent | MappingEvent | SequenceEvent, near: number) {
  if (ev.type === ALIAS) return { raw: ev.anchorStart - 1, end: ev.anchorEnd, empty: false };
  if (ev.type !== SCALAR) return { raw: ev.start, end: ev.start + 1, empty: false };
  if (ev.valueStart < 0) return { raw: near, end: near, empty: true };
  const quoted = QUOTED.has(ev.style);
  return { raw: ev.valueStart - (quoted ? 1 : 0), end: ev.valueEnd + (quoted ? 1 : 0), empty: false };
}

/**
 * Indexes every node of the first document by JSON Pointer, from the parser's event stream. A
 * short-form tag (`!Ref X`) also indexes the pointer of its function key (`…/Ref`), so findings on
 * the long form and the short form land on the same text.
 */
export function buildPositionIndex(events: readonly Event[], source: string): Map<string, NodeLocation> {
  const index = new Map<string, NodeLocation>();
  const stack: Frame[] = [];
  let documents = 0;

  const pointerForChild = (parent: Frame | undefined): string | null => {
    if (!parent) return '';
    if (parent.pointer === null) return null;
    if (parent.kind === 'seq') return `${parent.pointer}/${parent.index++}`;
    return parent.key === undefined ? null : `${parent.pointer}/${escapePointerToken(parent.key)}`;
  };

  for (const ev of events) {
    if (ev.type === DOCUMENT) {
      if (++documents > 1) break;
      continue;
    }
    if (ev.type === POP) {
      const frame = stack.pop();
      if (!frame) continue;
      if (frame.pointer !== null) {
        const loc = index.get(frame.pointer);
        if (loc && frame.end > loc.value.end) loc.value.end = frame.end;
      }
      const parent = stack[stack.length - 1];
      if (parent && frame.end > parent.end) parent.end = frame.end;
      continue;
    }
    const parent = stack[stack.length - 1];
    const isScalar = ev.type === SCALAR;
    const isAlias = ev.type === ALIAS;
    const { raw: rawStart, end, empty } = nodeRange(ev, parent?.keyRange?.end ?? parent?.end ?? 0);
    const start = isAlias || empty ? rawStart : nodeStart(ev, rawStart);

    if (parent?.kind === 'map' && parent.expectKey) {
      parent.expectKey = false;
      parent.keyRange = { start: rawStart, end };
      parent.key = isScalar ? String(getScalarValue(source, ev)) : undefined;
      if (end > parent.end) parent.end = end;
      if (!isScalar && !isAlias) {
        stack.push({
          kind: ev.type === MAPPING ? 'map' : 'seq',
          pointer: null,
          index: 0,
          expectKey: true,
          key: undefined,
          keyRange: undefined,
          end,
        });
      }
      continue;
    }
    const pointer = pointerForChild(parent);
    const keyRange = parent?.kind === 'map' ? parent.keyRange : undefined;
    if (parent?.kind === 'map') parent.expectKey = true;

    let childPointer = pointer;
    if (pointer !== null) {
      index.set(pointer, { key: keyRange, value: { start, end } });
      const fn =
        !isAlias && ev.tagStart >= 0 ? functionForTag(source.slice(ev.tagStart, ev.tagEnd)) : undefined;
      if (fn) {
        childPointer = `${pointer}/${escapePointerToken(fn)}`;
        index.set(childPointer, { value: { start, end } });
        if (isScalar && fn === 'Fn::GetAtt') {
          index.set(`${childPointer}/0`, { value: { start: rawStart, end } });
          index.set(`${childPointer}/1`, { value: { start: rawStart, end } });
        }
      }
    }
    if (isScalar || isAlias) {
      if (parent && end > parent.end) parent.end = end;
      continue;
    }
    stack.push({
      kind: ev.type === MAPPING ? 'map' : 'seq',
      pointer: childPointer,
      index: 0,
      expectKey: true,
      key: undefined,
      keyRange: undefined,
      end,
    });
  }
  return index;
}

/**
 * Size of the document once aliases are expanded, or `Infinity` for a self-referencing alias. Used
 * to refuse alias bombs before any rule walks the values.
 */
export function expandedNodeCount(events: readonly Event[], source: string, limit: number): number {
  const sizes = new Map<string, number>();
  const open = new Set<string>();
  const stack: Array<{ count: number; anchor: string | undefined }> = [];
  let total = 0;
  const add = (n: number) => {
    if (stack.length) stack[stack.length - 1].count += n;
    else total += n;
  };
  for (const ev of events) {
    if (ev.type === DOCUMENT) continue;
    if (ev.type === POP) {
      const frame = stack.pop();
      if (!frame) continue;
      if (frame.anchor !== undefined) {
        sizes.set(frame.anchor, frame.count);
        open.delete(frame.anchor);
      }
      add(frame.count);
    } else if (ev.type === ALIAS) {
      const name = source.slice(ev.anchorStart, ev.anchorEnd);
      if (open.has(name)) return Number.POSITIVE_INFINITY;
      add(sizes.get(name) ?? 1);
    } else {
      const anchor = ev.anchorStart >= 0 ? source.slice(ev.anchorStart, ev.anchorEnd) : undefined;
      if (ev.type === SCALAR) {
        if (anchor !== undefined) sizes.set(anchor, 1);
        add(1);
      } else {
        if (anchor !== undefined) open.add(anchor);
        stack.push({ count: 1, anchor });
      }
    }
    if (total > limit || (stack.length && stack[0].count > limit)) return total + (stack[0]?.count ?? 0);
  }
  return total;
}
