const cache = new Map<string, RegExp | null>();

/**
 * An AllowedPattern rewritten for whole-value matching in JavaScript, or `undefined` when
 * JavaScript cannot compile it. Patterns are written for Python's regex dialect: `{,n}` becomes
 * `{0,n}`, and an unanchored pattern such as `[a-z]{6}` only makes sense as a whole-value match.
 */
export function normalizePattern(pattern: string): string | undefined {
  return compilePattern(pattern)?.source;
}

/** Compiles an AllowedPattern for whole-value matching (see normalizePattern); never throws. */
export function compilePattern(pattern: string): RegExp | undefined {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern.replace(/\{,(\d+)\}/g, '{0,$1}')})$`);
    } catch {
      re = null;
    }
    cache.set(pattern, re);
  }
  return re ?? undefined;
}
