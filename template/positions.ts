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
import type { SourceRange } from './source-range';
import { functionForTag } from './intrinsics';
import { escapePointerToken } from '../schemas/validate';
import { parentPointer } from './pointer';

// parse.ts imports the alias-bomb guard from here; it lives in its own module.
export { expandedNodeCount } from './alias-expansion';

export interface NodeLocation {
  /** The key's range when the node is a mapping value. */
  key?: SourceRange;
  value: SourceRange;
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

/** What a walk records below a node: nothing, the way to its target, everything, or itself only. */
const SKIP = 0;
const PATH = 1;
const ALL = 2;
const SELF = 3;
type Mode = typeof SKIP | typeof PATH | typeof ALL | typeof SELF;

interface Frame {
  kind: 'map' | 'seq';
  pointer: string;
  mode: Mode;
  index: number;
  expectKey: boolean;
  key: string | undefined;
  keyRange: SourceRange | undefined;
  end: number;
}

/**
 * What to record at a node, for a walk aimed at `target` (a pointer and whether its subtree is
 * wanted too); without a target, everything.
 */
function modeFor(pointer: string, target: Target | undefined): Mode {
  if (!target) return ALL;
  if (pointer === target.pointer) return target.subtree ? ALL : SELF;
  return target.pointer.startsWith(`${pointer}/`) ? PATH : SKIP;
}

interface Target {
  pointer: string;
  subtree: boolean;
}

/**
 * One pass over the event stream of the first document, recording into `index` the nodes that
 * `target` asks for (all of them without one). Ranges of containers reach their last descendant,
 * so ends are tracked everywhere; pointers and keys only where something is recorded. A short-form
 * tag (`!Ref X`) also records the pointer of its function key (`…/Ref`), so findings on the long
 * form and the short form land on the same text.
 */
function walk(events: readonly Event[], source: string, index: Store, target: Target | undefined): void {
  const stack: Frame[] = [];
  let documents = 0;
  const pointerForChild = (parent: Frame | undefined): string | null => {
    if (!parent) return '';
    if (parent.mode === SELF) return null;
    if (parent.kind === 'seq') return `${parent.pointer}/${parent.index++}`;
    return parent.key === undefined ? null : `${parent.pointer}/${escapePointerToken(parent.key)}`;
  };
  const childMode = (parent: Frame | undefined, pointer: string): Mode =>
    parent?.mode === ALL ? ALL : modeFor(pointer, target);

  // A subtree that records nothing is only scanned for its end: no frames, pointers or keys.
  let skipDepth = 0;
  let skipEnd = 0;
  const skip = (end: number) => {
    skipDepth = 1;
    skipEnd = end;
  };

  for (const ev of events) {
    if (skipDepth > 0 && ev.type !== DOCUMENT) {
      if (ev.type === POP) {
        const parent = stack[stack.length - 1];
        if (--skipDepth === 0 && parent && skipEnd > parent.end) parent.end = skipEnd;
        continue;
      }
      // An empty scalar ends where its key or predecessor did, which is already counted.
      const end = nodeRange(ev, -1).end;
      if (end > skipEnd) skipEnd = end;
      if (ev.type !== SCALAR && ev.type !== ALIAS) skipDepth++;
      continue;
    }
    if (ev.type === DOCUMENT) {
      if (++documents > 1) break;
      continue;
    }
    if (ev.type === POP) {
      const frame = stack.pop();
      if (!frame) continue;
      const loc = index.get(frame.pointer);
      if (loc && frame.end > loc.value.end) loc.value.end = frame.end;
      const parent = stack[stack.length - 1];
      if (parent && frame.end > parent.end) parent.end = frame.end;
      continue;
    }
    const parent = stack[stack.length - 1];
    const isScalar = ev.type === SCALAR;
    const isAlias = ev.type === ALIAS;
    const { raw: rawStart, end, empty } = nodeRange(ev, parent?.keyRange?.end ?? parent?.end ?? 0);

    if (parent?.kind === 'map' && parent.expectKey) {
      parent.expectKey = false;
      parent.keyRange = { start: rawStart, end };
      parent.key = isScalar && parent.mode !== SELF ? String(getScalarValue(source, ev)) : undefined;
      if (end > parent.end) parent.end = end;
      if (!isScalar && !isAlias) skip(end);
      continue;
    }
    const start = isAlias || empty ? rawStart : nodeStart(ev, rawStart);
    let pointer = pointerForChild(parent);
    const keyRange = parent?.kind === 'map' ? parent.keyRange : undefined;
    if (parent?.kind === 'map') parent.expectKey = true;

    let mode: Mode = SKIP;
    if (pointer !== null) {
      mode = childMode(parent, pointer);
      if (mode === SKIP) pointer = null;
    }
    let childPointer = pointer;
    if (pointer !== null) {
      index.set(pointer, { key: keyRange, value: { start, end } });
      const fn =
        !isAlias && ev.tagStart >= 0 ? functionForTag(source.slice(ev.tagStart, ev.tagEnd)) : undefined;
      if (fn && mode !== SELF) {
        childPointer = `${pointer}/${escapePointerToken(fn)}`;
        mode = mode === ALL ? ALL : modeFor(childPointer, target);
        if (mode === SKIP) childPointer = null;
        else {
          index.set(childPointer, { value: { start, end } });
          if (isScalar && fn === 'Fn::GetAtt') {
            index.set(`${childPointer}/0`, { value: { start: rawStart, end } });
            index.set(`${childPointer}/1`, { value: { start: rawStart, end } });
          }
        }
      }
    }
    if (isScalar || isAlias) {
      if (parent && end > parent.end) parent.end = end;
      continue;
    }
    if (childPointer === null) {
      skip(end);
      continue;
    }
    stack.push({
      kind: ev.type === MAPPING ? 'map' : 'seq',
      pointer: childPointer,
      mode,
      index: 0,
      expectKey: true,
      key: undefined,
      keyRange: undefined,
      end,
    });
  }
}

/** Where a walk records; the lazy index hands in its own (inherited) storage. */
interface Store {
  get(pointer: string): NodeLocation | undefined;
  set(pointer: string, loc: NodeLocation): unknown;
}

/**
 * The unit a lookup resolves: the first two tokens (one resource, parameter, output…) with all
 * below it; a shorter pointer (the root, a section) resolves only itself.
 */
function targetFor(pointer: string): Target {
  const second = pointer.indexOf('/', 1);
  if (pointer === '' || second === -1) return { pointer, subtree: false };
  const third = pointer.indexOf('/', second + 1);
  return { pointer: third === -1 ? pointer : pointer.slice(0, third), subtree: true };
}

const unitKey = (t: Target) => `${t.subtree ? '+' : '='}${t.pointer}`;

/** Aimed walks before one complete walk is cheaper: findings are spread over many units. */
const MAX_AIMED_WALKS = 4;

/**
 * The node locations of a document by JSON Pointer, found on lookup. Only templates with findings
 * look anything up, and their findings sit in a few resources: a lookup walks the events once for
 * its unit (see `targetFor`), recording pointers and keys only along the way to it and below it;
 * after a few such walks it records everything in one last walk. As a `Map` it holds what has been
 * looked up so far (with their neighbours).
 */
export class PositionIndex extends Map<string, NodeLocation> {
  private readonly walked = new Set<string>();
  private walks = 0;
  private events: readonly Event[] | undefined;
  private readonly store: Store = {
    get: (pointer) => super.get(pointer),
    set: (pointer, loc) => super.set(pointer, loc),
  };

  constructor(
    events: readonly Event[],
    private readonly source: string,
  ) {
    super();
    this.events = events;
  }

  private resolve(pointer: string): void {
    const events = this.events;
    if (!events) return;
    const target = targetFor(pointer);
    const key = unitKey(target);
    if (this.walked.has(key)) return;
    if (++this.walks > MAX_AIMED_WALKS) {
      walk(events, this.source, this.store, undefined);
      this.events = undefined;
      return;
    }
    walk(events, this.source, this.store, target);
    this.walked.add(key);
    for (let p = target.pointer; p !== '';) {
      p = parentPointer(p);
      this.walked.add(unitKey({ pointer: p, subtree: false }));
    }
  }

  override get(pointer: string): NodeLocation | undefined {
    this.resolve(pointer);
    return super.get(pointer);
  }

  override has(pointer: string): boolean {
    this.resolve(pointer);
    return super.has(pointer);
  }
}

/** The location of every node of the first document, by JSON Pointer, found on lookup. */
export function buildPositionIndex(events: readonly Event[], source: string): Map<string, NodeLocation> {
  return new PositionIndex(events, source);
}

/** Every node's location at once (what a lookup-driven index ends up with); for tests. */
export function fullPositionIndex(events: readonly Event[], source: string): Map<string, NodeLocation> {
  const index = new Map<string, NodeLocation>();
  walk(events, source, index, undefined);
  return index;
}
