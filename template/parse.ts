import { constructFromEvents, EVENT_ID, type Event, parseEvents } from 'js-yaml';
import type { SourceRange } from './source-range';
import { type DuplicateKey, findDuplicateKeys } from './duplicate-keys';
import { parentPointer } from './pointer';
import { buildPositionIndex, expandedNodeCount, type NodeLocation } from './positions';
import { ROS_YAML_SCHEMA } from './ros-yaml-schema';

/** Limits for hostile input: nesting, alias expansion, size. */
export const PARSE_LIMITS = { maxDepth: 200, maxExpandedNodes: 200_000, maxBytes: 64 * 1024 * 1024 };

export type Blame = 'key' | 'value';

/** A parsed template: plain values for the rules, positions looked up only when a finding needs one. */
export interface ParsedTemplate {
  readonly file: string;
  readonly text: string;
  readonly value: Record<string, unknown>;
  /** Range of the node at a pointer; falls back to the nearest indexed ancestor. */
  rangeOf(pointer: string, blame?: Blame): SourceRange;
  /** Whether the pointer names a node that exists in the source. */
  has(pointer: string): boolean;
  /**
   * Keys written twice or more in one mapping. The parse goes on with the last value, as a Python
   * YAML loader (and `JSON.parse`) does; the position index holds the last occurrence too.
   */
  readonly duplicateKeys: readonly DuplicateKey[];
}

export interface ParseFailure {
  message: string;
  offset: number;
}

export type ParseOutcome = { ok: true; template: ParsedTemplate } | { ok: false; failure: ParseFailure };

/** js-yaml's reason for a key written twice in one mapping. */
const DUPLICATE_KEY_REASON = 'duplicated mapping key';

function failure(message: string, offset = 0): ParseOutcome {
  return { ok: false, failure: { message, offset } };
}

function failureFromError(err: unknown): ParseOutcome {
  const e = err as { reason?: string; message?: string; mark?: { position?: number } };
  const reason = e.reason ?? e.message ?? String(err);
  return failure(`cannot parse: ${reason}`, e.mark?.position ?? 0);
}

function firstNodeOffset(events: readonly Event[], afterDocument: number): number {
  let docs = 0;
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) docs++;
    else if (docs >= afterDocument && ev.type !== EVENT_ID.POP) {
      if (ev.type === EVENT_ID.SCALAR) return Math.max(0, ev.valueStart);
      if (ev.type === EVENT_ID.ALIAS) return Math.max(0, ev.anchorStart - 1);
      return ev.start;
    }
  }
  return 0;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'mapping' : typeof value;
}

/** Parses a YAML or JSON template (JSON is YAML), never throwing. */
export function parseTemplate(file: string, text: string): ParseOutcome {
  if (text.length > PARSE_LIMITS.maxBytes)
    return failure(`file is larger than ${PARSE_LIMITS.maxBytes} bytes`);
  // A leading BOM needs no handling: js-yaml skips it and keeps offsets relative to the text as given.
  if (text.trim() === '') return failure('the template is empty');

  let events: Event[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: PARSE_LIMITS.maxDepth });
  } catch (err) {
    return failureFromError(err);
  }
  let hasAlias = false;
  for (const ev of events) {
    if (ev.type === EVENT_ID.ALIAS) {
      hasAlias = true;
      break;
    }
  }
  if (
    hasAlias &&
    expandedNodeCount(events, text, PARSE_LIMITS.maxExpandedNodes) > PARSE_LIMITS.maxExpandedNodes
  ) {
    const alias = events.find((ev) => ev.type === EVENT_ID.ALIAS);
    return failure(
      `aliases expand to more than ${PARSE_LIMITS.maxExpandedNodes} nodes or refer to themselves (alias bomb)`,
      alias && alias.type === EVENT_ID.ALIAS ? alias.anchorStart - 1 : 0,
    );
  }
  let documents: unknown[];
  let duplicateKeys: DuplicateKey[] = [];
  try {
    documents = constructFromEvents(events, { source: text, filename: file, schema: ROS_YAML_SCHEMA });
  } catch (err) {
    if ((err as { reason?: string }).reason !== DUPLICATE_KEY_REASON) return failureFromError(err);
    // Only then are the keys compared (the fast path stays as it was). `json: true` is js-yaml's
    // last-value-wins mode; any other error it meets further on is still a parse failure.
    try {
      documents = constructFromEvents(events, {
        source: text,
        filename: file,
        schema: ROS_YAML_SCHEMA,
        json: true,
      });
    } catch (later) {
      return failureFromError(later);
    }
    duplicateKeys = findDuplicateKeys(events, text);
  }
  if (documents.length === 0) return failure('the template is empty');
  if (documents.length > 1)
    return failure('a template is one YAML document, found several', firstNodeOffset(events, 2));
  const value = documents[0];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return failure(`the template must be a mapping, not ${kindOf(value)}`, firstNodeOffset(events, 1));
  }
  return {
    ok: true,
    template: new LazyTemplate(file, text, value as Record<string, unknown>, events, duplicateKeys),
  };
}

class LazyTemplate implements ParsedTemplate {
  private index: Map<string, NodeLocation> | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly value: Record<string, unknown>,
    private events: readonly Event[] | undefined,
    readonly duplicateKeys: readonly DuplicateKey[],
  ) {}

  private locations(): Map<string, NodeLocation> {
    if (!this.index) {
      this.index = buildPositionIndex(this.events ?? [], this.text);
      this.events = undefined;
    }
    return this.index;
  }

  has(pointer: string): boolean {
    return this.locations().has(pointer);
  }

  rangeOf(pointer: string, blame: Blame = 'value'): SourceRange {
    const index = this.locations();
    for (let p = pointer; ; p = parentPointer(p)) {
      const loc = index.get(p);
      if (loc)
        return blame === 'key' && loc.key && p === pointer
          ? loc.key
          : p === pointer
            ? loc.value
            : (loc.key ?? loc.value);
      if (p === '') return { start: 0, end: 0 };
    }
  }
}
