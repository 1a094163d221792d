const cache = new Map<string, RegExp | null>();

/**
 * Compiles an AllowedPattern for whole-value matching. Patterns are written for Python's regex
 * dialect: `{,n}` becomes `{0,n}`, and a pattern JavaScript cannot compile yields `undefined`
 * ("not checked"), never an exception.
 */
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
