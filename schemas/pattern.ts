import type { RE2JS } from 're2js';
import { pythonRepeats, toLinearSyntax } from './pattern-dialect';
import { splitAnchoredLookaheads } from './pattern-lookaround';

/**
 * Every regular expression that comes from a template, a schema or a parameter runs here, on RE2JS
 * (a JavaScript port of RE2): matching takes time linear in the value, whatever the pattern, so a
 * hostile AllowedPattern such as `(a+)+$` cannot hang the linter, local mode or a handler. A pattern
 * RE2 cannot run (lookarounds, backreferences, repeat counts over 1000) is never handed to a
 * backtracking engine: it is reported as not checked, except lookaheads at the anchored start,
 * which run as a conjunction of linear parts (pattern-lookaround.ts). JavaScript's RegExp only parses it (parsing
 * is linear; nothing is matched), to tell such a pattern apart from one that is not valid at all.
 */
export interface LinearPattern {
  /** True when the pattern matches somewhere in `value` (as RegExp.test). */
  test(value: string): boolean;
  /** The source as written (ajv tells patterns apart by it). */
  toString(): string;
}

export type PatternVerdict =
  | { kind: 'checked'; pattern: LinearPattern }
  /** Valid, but RE2 cannot run it linearly: values are not checked against it. */
  | { kind: 'unchecked'; reason: string }
  /** Not a regular expression in either dialect. */
  | { kind: 'invalid'; reason: string };

// Loaded on first use: a template without patterns does not pay for RE2JS (~7 ms at a cold start).
let engine: typeof RE2JS | undefined;
const re2 = (): typeof RE2JS => (engine ??= (require('re2js') as typeof import('re2js')).RE2JS);

// Both caches are keyed by pattern text and bounded, so a template with a million distinct
// patterns costs memory in proportion to what is in use, not to everything it ever asked.
const MAX_CACHED = 4096;
const compiled = new Map<string, PatternVerdict>();
const verdicts = new Map<string, PatternVerdict>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

/** Why RE2 refused a pattern, in the words of the feature when it is a known one. */
function reasonOf(err: unknown): string {
  const said = String((err as Error).message ?? err).replace(/^error parsing regexp: /, '');
  if (/`\(\?[=!]/.test(said)) return 'a lookahead';
  if (/`\(\?<[=!]/.test(said)) return 'a lookbehind';
  if (/escape sequence: `\\[1-9]/.test(said)) return 'a backreference';
  if (/repeat count|expression too large/.test(said)) return 'a repeat count over 1000';
  return said;
}

/** Compiles a source in ECMAScript or Python syntax for search (RegExp.test semantics). */
export function linearRegExp(source: string): PatternVerdict {
  const hit = compiled.get(source);
  if (hit) return hit;
  let verdict: PatternVerdict;
  try {
    const re = re2().compile(toLinearSyntax(source));
    verdict = { kind: 'checked', pattern: { test: (value) => re.test(value), toString: () => source } };
  } catch (err) {
    let parses = true;
    try {
      new RegExp(source);
    } catch {
      parses = false;
    }
    verdict = !parses
      ? { kind: 'invalid', reason: reasonOf(err) }
      : (asConjunction(source) ?? { kind: 'unchecked', reason: reasonOf(err) });
  }
  return remember(compiled, source, verdict);
}

/** Lookaheads at the anchored start, run as a conjunction of linear parts (pattern-lookaround.ts). */
function asConjunction(source: string): PatternVerdict | undefined {
  const split = splitAnchoredLookaheads(source);
  if (!split) return undefined;
  const parts: Array<{ negative: boolean; re: RE2JS }> = [];
  try {
    for (const { negative, body } of split.lookaheads)
      parts.push({ negative, re: re2().compile(`^(?:${toLinearSyntax(body)})`) });
    const rest = toLinearSyntax(split.rest);
    parts.push({ negative: false, re: re2().compile(split.toEnd ? `^(?:${rest})$` : `^(?:${rest})`) });
  } catch {
    return undefined; // a lookaround inside a part, a backreference, …: not checked
  }
  const test = (value: string) => parts.every(({ negative, re }) => re.test(value) !== negative);
  return { kind: 'checked', pattern: { test, toString: () => source } };
}

/**
 * The ROS dialect normalised, once: an AllowedPattern as a whole-value source (ROS matches the
 * whole value, so an unanchored `[a-z]{6}` must not accept `abcdefgh`) with Python's `{,n}`
 * spelled `{0,n}`. JavaScript reads the result the same way, so schema export keeps it for editors.
 */
export function wholeValueSource(pattern: string): string {
  return `^(?:${pythonRepeats(pattern)})$`;
}

/** An AllowedPattern (ROS dialect) compiled for whole-value matching; never throws. */
export function patternVerdict(pattern: string): PatternVerdict {
  return verdicts.get(pattern) ?? remember(verdicts, pattern, linearRegExp(wholeValueSource(pattern)));
}

/** The linear matcher of an AllowedPattern, or `undefined` when it is not checked (see patternVerdict). */
export function compilePattern(pattern: string): LinearPattern | undefined {
  const verdict = patternVerdict(pattern);
  return verdict.kind === 'checked' ? verdict.pattern : undefined;
}

/**
 * The engine the precompiled validators (scripts/generate-validators.ts) build their patterns
 * with: compiled on first use, so that loading the validators does not compile every pattern. The
 * build already failed for a schema pattern RE2 cannot run, so the throw is for a stale build.
 */
export function ajvRegExp(source: string): LinearPattern {
  let pattern: LinearPattern | undefined;
  return {
    test(value) {
      if (!pattern) {
        const verdict = linearRegExp(source);
        if (verdict.kind !== 'checked') throw new Error(`schema pattern ${source}: ${verdict.reason}`);
        pattern = verdict.pattern;
      }
      return pattern.test(value);
    },
    toString: () => source,
  };
}
