/**
 * Password-style AllowedPatterns put lookaheads at the start: `^(?=.*[a-z])(?=.*\d)(?!admin)[!-~]{8,32}$`.
 * RE2 cannot run lookarounds, but lookaheads anchored at the start of the value are a conjunction:
 * the value matches when each positive lookahead's body matches at position 0, no negative one's
 * does, and the rest matches the whole value. Each part then runs on RE2, in linear time.
 *
 * Only that shape is split: a pattern anchored at the start (`^…`, or inside the `^(?:…)$`
 * wrapper of pattern.ts, whose `^` anchors it), then one or more lookaheads, then a rest with no top-level `|` (an
 * alternative would escape the lookaheads) and no further lookaround (RE2 refuses those, and the
 * caller then reports the pattern as not checked).
 */
export interface AnchoredLookaheads {
  lookaheads: Array<{ negative: boolean; body: string }>;
  /** The pattern after the lookaheads; matched from position 0 … */
  rest: string;
  /** … to the end of the value when the pattern was anchored there (`$`). */
  toEnd: boolean;
}

/** Index just past the group opening at `open` (`pattern[open] === '('`), or -1 when unbalanced. */
function groupEnd(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a literal.
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Whether `pattern` has a `|` outside every group and class. */
function hasTopLevelAlternative(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '|') return true;
    else if (c === '(' || c === '[') {
      const end = c === '(' ? groupEnd(pattern, i) : classEnd(pattern, i);
      if (end === -1) return true; // unbalanced: let RE2 judge the whole
      i = end - 1;
    }
  }
  return false;
}

function classEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i + 1;
  }
  return -1;
}

/** Whether the character at `i` is escaped (an odd number of backslashes before it). */
function escaped(text: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && text[i - n - 1] === '\\') n++;
  return n % 2 === 1;
}

/** `X` of a source that is exactly `^(?:X)$`, else undefined. */
function unwrap(source: string): string | undefined {
  if (!source.startsWith('^(?:') || !source.endsWith(')$')) return undefined;
  return groupEnd(source, 1) === source.length - 1 ? source.slice(4, -2) : undefined;
}

/** The lookaheads at the anchored start of `source` and what follows them, or undefined. */
export function splitAnchoredLookaheads(source: string): AnchoredLookaheads | undefined {
  let body = source;
  let toEnd = false;
  for (let inner = unwrap(body); inner !== undefined; inner = unwrap(body)) {
    body = inner;
    toEnd = true;
  }
  // The wrapper's own `^` anchors its content; an inner `^` is then redundant.
  const anchored = toEnd || body.startsWith('^');
  if (!anchored) return undefined;
  let i = body.startsWith('^') ? 1 : 0;
  const lookaheads: AnchoredLookaheads['lookaheads'] = [];
  while (body.startsWith('(?=', i) || body.startsWith('(?!', i)) {
    const end = groupEnd(body, i);
    if (end === -1) return undefined;
    lookaheads.push({ negative: body[i + 2] === '!', body: body.slice(i + 3, end - 1) });
    i = end;
  }
  if (lookaheads.length === 0) return undefined;
  let rest = body.slice(i);
  if (hasTopLevelAlternative(rest)) return undefined;
  if (rest.endsWith('$') && !escaped(rest, rest.length - 1)) {
    rest = rest.slice(0, -1);
    toEnd = true;
  }
  return { lookaheads, rest, toEnd };
}
